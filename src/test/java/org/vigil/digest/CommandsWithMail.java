package org.vigil.digest;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

/**
 * What a digest test on the command line needs: a test database, a loopback SMTP server,
 * and one command context that uses both.
 */
final class CommandsWithMail implements AutoCloseable {

	final GreenMail smtp;

	final String url;

	final CommandSession vigil;

	CommandsWithMail() {
		int port = DigestFixture.freePort();
		this.smtp = DigestFixture.smtpServer(port);
		this.url = TestPostgres.newDatabase();
		this.vigil = CommandSession.with(Map.of("spring.datasource.url", this.url, "spring.datasource.username",
				"postgres", "spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(port)));
	}

	JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(this.url, "postgres", ""));
	}

	@Override
	public void close() {
		try {
			this.vigil.close();
		}
		finally {
			this.smtp.stop();
		}
	}

}
