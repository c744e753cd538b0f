package org.vigil.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * Vigil's version as recorded in the jar by the build
 * ({@code META-INF/build-info.properties}).
 */
public class VigilVersion implements IVersionProvider {

	public static String current() {
		try (InputStream in = VigilVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
			if (in == null) {
				return "development";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("build.version", "development");
		}
		catch (IOException ex) {
			return "development";
		}
	}

	@Override
	public String[] getVersion() {
		return new String[] { "Vigil " + current() };
	}

}
