package org.vigil.launch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar vigil.jar} on an old Java: one sentence naming the Java to install.
 * (No Java older than 17 is installed here, so the check is exercised with the versions
 * such a Java reports, and the class file is checked to load on Java 8.)
 */
class VigilLauncherTest {

	@Test
	void anOldJavaIsToldInOneSentenceWhichJavaToInstall() {
		for (String old : new String[] { "1.8", "9", "11", "16" }) {
			String problem = VigilLauncher.problem(old, "/usr/lib/jvm/old");
			assertThat(problem).as(old)
				.startsWith("Vigil needs Java 17 or newer and this is Java " + old + " (/usr/lib/jvm/old)")
				.contains("install a JDK 17 or later")
				.doesNotContain("\n")
				.endsWith(".");
		}
	}

	@Test
	void java17AndNewerAreHandedOverToSpringBoot() {
		for (String current : new String[] { "17", "21", "25", "26-ea" }) {
			assertThat(VigilLauncher.problem(current, "/jdk")).as(current).isNull();
		}
	}

	@Test
	void aVersionThatCannotBeReadDoesNotStopVigil() {
		assertThat(VigilLauncher.problem(null, "/jdk")).isNull();
		assertThat(VigilLauncher.problem("unknown", "/jdk")).isNull();
	}

	@Test
	void theLauncherIsCompiledForJava8SoAnOldJavaCanLoadIt() throws IOException {
		try (InputStream in = VigilLauncher.class.getResourceAsStream("VigilLauncher.class")) {
			DataInputStream data = new DataInputStream(in);
			assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
			data.readUnsignedShort(); // minor
			assertThat(data.readUnsignedShort()).as("class file major version (52 = Java 8)").isEqualTo(52);
		}
	}

}
