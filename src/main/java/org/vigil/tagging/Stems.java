package org.vigil.tagging;

/**
 * Light suffix handling for tokens: an unknown word whose stem is a known word ("F-35s",
 * "Gripenem", "Romaniei").
 */
final class Stems {

	private static final String[] SUFFIXES = { "ului", "ilor", "elor", "owi", "iem", "ach", "ami", "ego", "emu", "ow",
			"om", "em", "ie", "ii", "ei", "ul", "a", "u", "y", "i", "e" };

	/**
	 * The last letters of the suffixes: most unknown words end otherwise, and are turned
	 * away before any suffix is compared.
	 */
	private static final boolean[] LAST = new boolean[128];

	static {
		for (String suffix : SUFFIXES) {
			LAST[suffix.charAt(suffix.length() - 1)] = true;
		}
	}

	private Stems() {
	}

	/**
	 * Light suffix handling: an unknown word whose stem is known ("F-35s", "Gripenem",
	 * "Romaniei"). Stems must be long enough not to turn ordinary words into names.
	 */
	static int find(char[] buf, int len, Vocabulary vocabulary) {
		if (buf[len - 1] == 's' && Character.isDigit(buf[len - 2])) {
			return vocabulary.find(buf, len - 1, Vocabulary.hash(buf, len - 1));
		}
		char last = buf[len - 1];
		if (len < 6 || last >= LAST.length || !LAST[last]) {
			return -1;
		}
		for (String suffix : SUFFIXES) {
			int stemLength = len - suffix.length();
			if (stemLength < 5 || !endsWith(buf, len, suffix)) {
				continue;
			}
			int id = vocabulary.find(buf, stemLength, Vocabulary.hash(buf, stemLength));
			if (id >= 0) {
				return id;
			}
		}
		return -1;
	}

	private static boolean endsWith(char[] buf, int len, String suffix) {
		int offset = len - suffix.length();
		for (int k = 0; k < suffix.length(); k++) {
			if (buf[offset + k] != suffix.charAt(k)) {
				return false;
			}
		}
		return true;
	}

}
