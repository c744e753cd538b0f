package org.vigil.digest;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The digest service under this instance's name. */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

	@Bean
	DigestService digestService(DigestStore store, DigestComposer composer, DigestMail mail,
			ObjectProvider<JavaMailSender> senders, DigestProperties properties, Clock clock) {
		return new DigestService(store, composer, mail, senders, properties, clock,
				DigestService.defaultInstance(properties));
	}

}
