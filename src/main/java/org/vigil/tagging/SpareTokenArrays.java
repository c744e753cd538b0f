package org.vigil.tagging;

/**
 * Token arrays of a finished text, kept per thread for the next one: a 1 MB text needs
 * about 8 MB of token arrays, which would otherwise be allocated (as humongous objects
 * under G1) for every text and cost more in garbage collection than the tagging itself.
 */
final class SpareTokenArrays {

	private static final ThreadLocal<int[][]> SPARE = new ThreadLocal<>();

	/** The chars of the last whole text tagged on this thread, for the next one. */
	private static final ThreadLocal<char[]> SPARE_CHARS = new ThreadLocal<>();

	/** Texts with more tokens than this do not leave their arrays behind. */
	private static final int MAX_SPARE_TOKENS = 1 << 19;

	private SpareTokenArrays() {
	}

	/**
	 * Six arrays of at least {@code capacity} ints: this thread's spare ones when they
	 * are large enough, else new ones (as large as the spare ones were).
	 */
	static int[][] take(int capacity) {
		int[][] spare = SPARE.get();
		SPARE.remove();
		if (spare != null && spare[0].length >= capacity) {
			return spare;
		}
		int size = (spare != null) ? Math.max(capacity, spare[0].length) : capacity;
		int[][] arrays = new int[6][];
		for (int i = 0; i < arrays.length; i++) {
			arrays[i] = new int[size];
		}
		return arrays;
	}

	/**
	 * Chars for a whole text of {@code length} chars: this thread's spare ones if large
	 * enough.
	 */
	static char[] takeChars(int length) {
		char[] chars = SPARE_CHARS.get();
		SPARE_CHARS.remove();
		return (chars != null && chars.length >= length) ? chars : new char[length];
	}

	/** Keeps a finished text's arrays (and its chars, unless null) for the next text. */
	static void give(int[][] arrays, char[] chars) {
		if (arrays[0].length <= MAX_SPARE_TOKENS) {
			SPARE.set(arrays);
			if (chars != null) {
				SPARE_CHARS.set(chars);
			}
		}
	}

}
