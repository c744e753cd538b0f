package org.vigil.ownership;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import planted.PlantedEntities.PlantedEntity;
import planted.PlantedEntities.SavedSearchRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table has one owning feature (src/test/resources/table-owners.yaml); other
 * features call its API or read the views it publishes, never its tables. Reads the SQL
 * in every compiled class of src/main/java, so a cross-feature table read fails the
 * build.
 */
class OneOwnerPerTableTest {

	private static final Path MIGRATIONS = Path.of("db/migration");

	private static final Path MAIN_CLASSES = Path.of("target/classes/org/vigil");

	private final TableOwners owners = TableOwners.load();

	private final Set<String> relations = TableOwners.createdBy(MIGRATIONS);

	private final TableOwnership rule = new TableOwnership(this.owners, this.relations);

	@Test
	void everyTableAndViewOfTheMigrationsHasExactlyOneOwner() {
		assertThat(this.owners.listedTwice).as("listed under two features").isEmpty();
		assertThat(this.relations).as("tables and views of db/migration").isNotEmpty();
		Set<String> unowned = new TreeSet<>(this.relations);
		unowned.removeAll(this.owners.owners.keySet());
		assertThat(unowned).as("tables and views missing from table-owners.yaml").isEmpty();
		Set<String> gone = new TreeSet<>(this.owners.owners.keySet());
		gone.removeAll(this.relations);
		assertThat(gone).as("table-owners.yaml lists what no migration creates").isEmpty();
	}

	@Test
	void noFeatureNamesATableOfAnotherFeature() {
		List<String> violations = new ArrayList<>();
		int withSql = 0;
		for (Path file : classFiles()) {
			List<String> strings = new ArrayList<>(ClassFileStrings.of(bytes(file)));
			strings.addAll(EntityTables.asSql(typeName(file)));
			violations.addAll(this.rule.violations(typeName(file), strings));
			if (strings.stream().anyMatch((s) -> !new SqlTableNames(this.relations).in(s).isEmpty())) {
				withSql++;
			}
		}
		assertThat(withSql).as("classes whose SQL was read").isGreaterThan(10);
		assertThat(violations).as("cross-feature table access").isEmpty();
	}

	@Test
	void aPlantedCrossFeatureReadIsCaught() {
		List<String> violations = this.rule.violations("org.vigil.digest.Planted", strings(PlantedInDigest.class));
		assertThat(violations).containsExactly(
				"org.vigil.digest.Planted (digest) names app_user, a table of users: call its API or read a view it publishes",
				"org.vigil.digest.Planted (digest) writes item_view, a read model of items: call its API");
	}

	@Test
	void theOwnerMayNameItsTablesAndOthersMayReadItsViews() {
		assertThat(this.rule.violations("org.vigil.users.Planted", strings(PlantedInDigest.class)))
			.containsExactly("org.vigil.users.Planted (users) writes item_view, a read model of items: call its API");
		assertThat(this.rule.violations("org.vigil.digest.Planted", List.of(
				"select e.name from item_view i join item_entity_view ie on ie.item_id = i.id join entity_view e on e.id = ie.entity_id",
				"insert into digest_run (trigger) values (?)", "Removed from the item list")))
			.isEmpty();
	}

	@Test
	void readingAReadModelIsAnArrowThatMustPointDown() {
		assertThat(this.rule.violations("org.vigil.sources.Planted", List.of("select title from item_view")))
			.containsExactly(
					"org.vigil.sources.Planted (sources) reads item_view of items, a feature sources may not use");
	}

	@Test
	void aJpaEntityMappingAnotherFeaturesTableIsCaught() {
		assertThat(EntityTables.asSql(PlantedEntity.class.getName())).containsExactly("update app_user");
		assertThat(EntityTables.asSql(SavedSearchRow.class.getName())).containsExactly("update saved_search_row");
		assertThat(EntityTables.asSql(PlantedInDigest.class.getName())).isEmpty();
		assertThat(this.rule.violations("org.vigil.searches.PlantedEntity",
				EntityTables.asSql(PlantedEntity.class.getName())))
			.containsExactly(
					"org.vigil.searches.PlantedEntity (searches) names app_user, a table of users: call its API or read a view it publishes");
	}

	@Test
	void readsTheTablesOfEveryKindOfStatement() {
		SqlTableNames names = new SqlTableNames(Set.of("item", "source", "mention", "story", "tag_job"));
		assertThat(names.in("""
				select i.id from item i join source s on s.id = i.source_id
				where exists (select 1 from mention m where m.item_id = i.id) for update skip locked"""))
			.containsExactly(new SqlTableNames.Use("item", false), new SqlTableNames.Use("source", false),
					new SqlTableNames.Use("mention", false));
		assertThat(names.in("insert into story default values on conflict do nothing"))
			.containsExactly(new SqlTableNames.Use("story", true));
		assertThat(names.in("UPDATE tag_job SET done = 1")).containsExactly(new SqlTableNames.Use("tag_job", true));
		assertThat(names.in("delete from mention where item_id = ?"))
			.containsExactly(new SqlTableNames.Use("mention", true));
		assertThat(names.in("select count(*) from public.item where source_id = \u0001"))
			.containsExactly(new SqlTableNames.Use("item", false));
		assertThat(names.in("extract(epoch from published_at), fetched from items")).isEmpty();
	}

	@Test
	void readsStringConstantsAndConcatenationsFromAClassFile() {
		assertThat(strings(PlantedInDigest.class)).contains("select email from app_user where id = ?",
				"update item_view set title = ? where id = \u0001");
	}

	private static List<String> strings(Class<?> type) {
		String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
		try (InputStream in = type.getResourceAsStream(file)) {
			return ClassFileStrings.of(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The compiled classes of src/main/java. */
	private static List<Path> classFiles() {
		try (Stream<Path> files = Files.walk(MAIN_CLASSES)) {
			return files.filter((f) -> f.toString().endsWith(".class")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String typeName(Path file) {
		String relative = MAIN_CLASSES.getParent().getParent().relativize(file).toString();
		return relative.substring(0, relative.length() - ".class".length())
			.replace(file.getFileSystem().getSeparator(), ".");
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A class as a digest class would be written if it read an account's table. */
	static final class PlantedInDigest {

		static final String EMAIL = "select email from app_user where id = ?";

		String retitle(long id) {
			return "update item_view set title = ? where id = " + id;
		}

	}

}
