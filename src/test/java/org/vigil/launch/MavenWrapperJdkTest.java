package org.vigil.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw} when the {@code java} on PATH is older than 17: it builds with a JDK 17+
 * installed elsewhere, or says in one sentence which JDK to install. The old Java is a
 * stand-in that reports version 11, as no Java older than 17 is installed here.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class MavenWrapperJdkTest {

	@TempDir
	Path dir;

	Path oldJava;

	@BeforeEach
	void putAnOldJavaFirstOnPath() throws IOException {
		this.oldJava = Files.createDirectories(this.dir.resolve("old-java/bin"));
		for (String tool : new String[] { "java", "javac" }) {
			Path script = this.oldJava.resolve(tool);
			Files.writeString(script, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\nexit 1\n");
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void anOlderJavaOnPathBuildsWithTheJdk17PlusInstalledElsewhere() throws Exception {
		String jdk = System.getProperty("java.home");
		Result result = mvnw(jdk);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("is Java 11; Vigil builds with the JDK in " + jdk)
			.contains("Apache Maven 3.9")
			.contains("Java version: " + Runtime.version().feature());
	}

	@Test
	void withNoJdk17AnywhereItNamesTheJdkToInstallInOneSentence() throws Exception {
		Result result = mvnw(this.dir.resolve("nothing-installed-here").toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output().strip())
			.isEqualTo("Vigil needs a JDK 17 or newer and found only Java 11 at " + this.oldJava.resolve("java")
					+ ": install a JDK 17 or later (for example Eclipse Temurin 21 from https://adoptium.net)"
					+ " and put it on PATH or point JAVA_HOME at it.");
	}

	private Result mvnw(String jdkDirs) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("sh", "./mvnw", "--version").redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.remove("JAVA_HOME");
		env.remove("MAVEN_ARGS");
		env.put("PATH", this.oldJava + ":/usr/bin:/bin");
		env.put("VIGIL_JDK_DIRS", jdkDirs);
		Process process = builder.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("mvnw finished").isTrue();
		return new Result(process.exitValue(), output);
	}

	record Result(int exitCode, String output) {
	}

}
