package org.vigil.digest;

import java.time.Clock;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The digest service under this instance's name, and SMTP sockets without Nagle's delay.
 */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

	@Bean
	DigestService digestService(DigestStore store, DigestContentQueries content, DigestComposer composer,
			DigestMail mail, ObjectProvider<JavaMailSender> senders, DigestProperties properties, Clock clock) {
		return new DigestService(store, content, composer, mail, senders, properties, clock,
				DigestService.defaultInstance(properties));
	}

	/**
	 * Gives Spring Boot's mail sender sockets with TCP_NODELAY unless a socket factory is
	 * configured: a digest run sends thousands of mails over a few connections, and each
	 * would otherwise wait out a delayed ACK.
	 */
	@Bean
	static BeanPostProcessor smtpSocketsWithoutDelay() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JavaMailSenderImpl sender) {
					Properties mail = sender.getJavaMailProperties();
					if (!mail.containsKey("mail.smtp.socketFactory")
							&& !mail.containsKey("mail.smtp.socketFactory.class")) {
						mail.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
					}
				}
				return bean;
			}

		};
	}

}
