package org.vigil.sources;

/**
 * The badge an item shows beside its source's name: what kind of document it is, so an
 * analyst never takes an imported file or demo data for an official statement.
 */
public final class SourceBadges {

	public static final String OFFICIAL = "Official";

	public static final String MEDIA = "Media";

	public static final String IMPORTED = "Imported";

	public static final String DEMO = "Demo";

	private SourceBadges() {
	}

	/** The badge of a source of this kind: imported files and demo data say so. */
	public static String of(String kind, boolean official) {
		if ("manual".equals(kind)) {
			return IMPORTED;
		}
		if ("synthetic".equals(kind)) {
			return DEMO;
		}
		return official ? OFFICIAL : MEDIA;
	}

}
