package org.vigil.launch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's entry point ({@code java -jar vigil.jar}): on a Java older than 17 it says in
 * one sentence which Java to install, instead of the JVM's
 * {@code UnsupportedClassVersionError}; on Java 17 or newer it hands over to Spring Boot's
 * launcher, which starts {@code org.vigil.VigilApplication}.
 *
 * <p>
 * Compiled on its own for Java 8 (the {@code compile-launcher} execution in pom.xml) and
 * kept to the Java 8 API, so that any Java still installed can load it: everything else
 * in the jar, Spring Boot's launcher included, needs Java 17.
 */
public final class VigilLauncher {

	static final int REQUIRED_JAVA = 17;

	private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	private VigilLauncher() {
	}

	public static void main(String[] args) throws Throwable {
		String problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
		if (problem != null) {
			System.err.println(problem);
			System.exit(1);
		}
		Integer exit = FastCommandStart.run(args);
		if (exit != null) {
			System.exit(exit);
		}
		MethodHandle main = MethodHandles.publicLookup()
			.findStatic(Class.forName(SPRING_BOOT_LAUNCHER), "main",
					MethodType.methodType(void.class, String[].class));
		main.invokeExact(args);
	}

	/**
	 * The sentence to print for a Java of this specification version ({@code 1.8},
	 * {@code 11}, {@code 17}…), or null when Vigil can run on it. A version that cannot
	 * be read is given the benefit of the doubt.
	 */
	static String problem(String specificationVersion, String javaHome) {
		int feature = featureVersion(specificationVersion);
		if (feature == 0 || feature >= REQUIRED_JAVA) {
			return null;
		}
		return "Vigil needs Java " + REQUIRED_JAVA + " or newer and this is Java " + specificationVersion + " ("
				+ javaHome + "): install a JDK " + REQUIRED_JAVA
				+ " or later (for example Eclipse Temurin 21 from https://adoptium.net) and run 'java -jar vigil.jar' with it.";
	}

	/** 8 for "1.8", 11 for "11", 0 when the text is not a version. */
	static int featureVersion(String specificationVersion) {
		if (specificationVersion == null) {
			return 0;
		}
		String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2)
				: specificationVersion;
		int digits = 0;
		while (digits < version.length() && digits < 4 && Character.isDigit(version.charAt(digits))) {
			digits++;
		}
		return (digits == 0) ? 0 : Integer.parseInt(version.substring(0, digits));
	}

}
