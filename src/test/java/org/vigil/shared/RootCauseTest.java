package org.vigil.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Error messages name the deepest cause that says what happened. */
class RootCauseTest {

	@Test
	void theDeepestMessageWins() {
		var ex = new IllegalStateException("import failed",
				new UncheckedIOException(new IOException(new UnknownHostException("nato.invalid"))));
		assertThat(RootCause.of(ex)).isEqualTo("UnknownHostException: nato.invalid");
		assertThat(RootCause.describe(ex)).isEqualTo("import failed (UnknownHostException: nato.invalid)");
	}

	@Test
	void theHttpClientsSilentConnectExceptionIsNamed() {
		var ex = new ConnectException();
		ex.initCause(new ClosedChannelException());
		assertThat(RootCause.of(ex)).isEqualTo("ConnectException: Connection refused");
	}

	@Test
	void aMessageIsNotRepeated() {
		var ex = new IllegalArgumentException("bad date 2026-13-01",
				new IllegalArgumentException("bad date 2026-13-01"));
		assertThat(RootCause.describe(ex)).isEqualTo("bad date 2026-13-01");
		assertThat(RootCause.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

}
