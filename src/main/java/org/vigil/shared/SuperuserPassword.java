package org.vigil.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded PostgreSQL's superuser, kept in a file only its owner can
 * read inside the data directory: whoever can read the cluster's files can read the data
 * anyway, and nobody else can log in. The command line finds it there when it works
 * beside a running Vigil.
 */
final class SuperuserPassword {

	static final String FILE_NAME = "vigil-superuser-password";

	private static final SecureRandom random = new SecureRandom();

	private SuperuserPassword() {
	}

	static Path file(Path dataDir) {
		return dataDir.resolve(FILE_NAME);
	}

	/** 32 random bytes, URL-safe base64: 256 bits, nothing a shell or a URL trips on. */
	static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean exists(Path dataDir) {
		return Files.isRegularFile(file(dataDir));
	}

	static String read(Path dataDir) throws IOException {
		return Files.readString(file(dataDir), StandardCharsets.UTF_8).trim();
	}

	static String readOrCreate(Path dataDir) throws IOException {
		if (exists(dataDir)) {
			return read(dataDir);
		}
		String password = generate();
		write(dataDir, password);
		return password;
	}

	/**
	 * Writes the file with mode 0600 from its first byte (a temporary file made 0600,
	 * then moved), so there is no moment in which others could read it.
	 */
	static void write(Path dataDir, String password) throws IOException {
		Path target = file(dataDir);
		Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
		Files.deleteIfExists(temporary);
		try {
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): its ACLs apply
			Files.createFile(temporary);
		}
		Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
		Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
