package org.vigil.timeline;

/** A gazetteer entry as the timeline shows and filters on it. */
public record EntityRef(long id, EntityType type, String key, String name) {

	/** The entity's own page. */
	public String href() {
		return "/entities/" + this.type.key() + "/" + org.springframework.web.util.UriUtils.encodePathSegment(this.key,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/** What a chip shows: the ISO code for a country, the name otherwise. */
	public String label() {
		return (this.type == EntityType.COUNTRY) ? this.key : this.name;
	}

}
