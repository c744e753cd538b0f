package org.vigil.ownership;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * The ownership map (table-owners.yaml): which feature owns each table, which views each
 * feature publishes as its read models, and the few classes allowed to cross the line.
 */
final class TableOwners {

	private static final Pattern CREATED = Pattern.compile(
			"create\\s+(table|(?:or\\s+replace\\s+)?(?:materialized\\s+)?view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)"
					+ "|drop\\s+(table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	/** The owner of a relation, and whether other features may read it. */
	record Owner(String feature, boolean published) {

	}

	final Map<String, Owner> owners = new LinkedHashMap<>();

	final Map<String, String> exceptions = new LinkedHashMap<>();

	/** The features whose read models each feature may read. */
	final Map<String, Set<String>> uses = new LinkedHashMap<>();

	/** Relations listed twice: each must have one owner. */
	final Set<String> listedTwice = new TreeSet<>();

	@SuppressWarnings("unchecked")
	static TableOwners load() {
		TableOwners map = new TableOwners();
		try (InputStream in = TableOwners.class.getResourceAsStream("/table-owners.yaml")) {
			Map<String, Object> yaml = new Yaml().load(in);
			yaml.forEach((feature, value) -> {
				Map<String, Object> entry = (Map<String, Object>) value;
				if (feature.equals("exceptions")) {
					entry.forEach((type, reason) -> map.exceptions.put(type, (String) reason));
					return;
				}
				map.uses.put(feature, new TreeSet<>((List<String>) entry.getOrDefault("uses", List.of())));
				map.add(feature, (List<String>) entry.getOrDefault("tables", List.of()), false);
				map.add(feature, (List<String>) entry.getOrDefault("views", List.of()), true);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return map;
	}

	private void add(String feature, List<String> relations, boolean published) {
		for (String relation : relations) {
			if (this.owners.put(relation, new Owner(feature, published)) != null) {
				this.listedTwice.add(relation);
			}
		}
	}

	/** The tables and views that the migrations leave in the schema. */
	static Set<String> createdBy(Path migrations) {
		Set<String> relations = new TreeSet<>();
		try (Stream<Path> files = Files.list(migrations)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql"))
				.sorted(TableOwners::byVersion)
				.toList()) {
				Matcher matcher = CREATED.matcher(Files.readString(file));
				while (matcher.find()) {
					if (matcher.group(2) != null) {
						relations.add(matcher.group(2).toLowerCase());
					}
					else {
						relations.remove(matcher.group(4).toLowerCase());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return relations;
	}

	private static int byVersion(Path a, Path b) {
		return Integer.compare(version(a), version(b));
	}

	private static int version(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

}
