package org.vigil.ownership;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string constants of a compiled class, read from its constant pool: every literal
 * and text block, and the recipes of string concatenations (their fixed parts, with
 * {@code \u0001} where a value goes). Comments never reach a class file, so SQL found
 * here is SQL that can run.
 */
final class ClassFileStrings {

	private ClassFileStrings() {
	}

	static List<String> of(byte[] classFile) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
			if (in.readInt() != 0xCAFEBABE) {
				throw new IllegalArgumentException("not a class file");
			}
			in.readUnsignedShort(); // minor version
			in.readUnsignedShort(); // major version
			int count = in.readUnsignedShort();
			String[] utf8 = new String[count];
			int[] stringRefs = new int[count];
			for (int i = 1; i < count; i++) {
				int tag = in.readUnsignedByte();
				switch (tag) {
					case 1 -> utf8[i] = in.readUTF();
					case 8 -> stringRefs[i] = in.readUnsignedShort();
					case 7, 16, 19, 20 -> in.skipBytes(2);
					case 15 -> in.skipBytes(3);
					case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
					case 5, 6 -> {
						in.skipBytes(8);
						i++; // a long or double takes two entries
					}
					default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
				}
			}
			List<String> strings = new ArrayList<>();
			for (int ref : stringRefs) {
				if (ref != 0) {
					strings.add(utf8[ref]);
				}
			}
			return strings;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("unreadable class file", ex);
		}
	}

}
