package planted;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Entities OneOwnerPerTableTest reads as class files. They live outside {@code org.vigil}
 * so that Hibernate's entity scan of the application's package never maps them.
 */
public final class PlantedEntities {

	private PlantedEntities() {
	}

	/**
	 * An entity as a searches class would be written if it mapped the accounts' table.
	 */
	@Entity
	@Table(name = "app_user")
	public static final class PlantedEntity {

	}

	/** An entity named by its class: saved_search_row. */
	@Entity
	public static final class SavedSearchRow {

	}

}
