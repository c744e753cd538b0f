package org.vigil.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.CRC32;

import org.springframework.core.io.Resource;

/**
 * The checksum of reference data files, for a repeatable Flyway migration that loads
 * them: Flyway runs it again exactly when a file changed.
 */
public final class ResourceChecksum {

	private ResourceChecksum() {
	}

	/** CRC32 over the files' bytes, in order, as Flyway's integer checksum. */
	public static int of(List<? extends Resource> files) {
		CRC32 crc = new CRC32();
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				crc.update(in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + file, ex);
			}
		}
		return (int) crc.getValue();
	}

}
