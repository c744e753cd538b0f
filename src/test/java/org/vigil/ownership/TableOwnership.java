package org.vigil.ownership;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule: a feature's SQL names only the tables it owns, and the views other features
 * publish, for reading. Everything else is a hidden arrow through the database.
 */
final class TableOwnership {

	private final TableOwners owners;

	private final SqlTableNames names;

	TableOwnership(TableOwners owners, Set<String> relations) {
		this.owners = owners;
		Set<String> known = new LinkedHashSet<>(relations);
		known.addAll(owners.owners.keySet());
		this.names = new SqlTableNames(known);
	}

	/**
	 * What the class {@code type} (in org.vigil.FEATURE) does wrong with the tables its
	 * string constants name; empty when nothing.
	 */
	List<String> violations(String type, List<String> strings) {
		List<String> violations = new ArrayList<>();
		String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
		if (this.owners.exceptions.containsKey(outer)) {
			return violations;
		}
		String feature = featureOf(type);
		Set<String> seen = new LinkedHashSet<>();
		for (String sql : strings) {
			for (SqlTableNames.Use use : this.names.in(sql)) {
				TableOwners.Owner owner = this.owners.owners.get(use.relation());
				String problem = null;
				if (owner == null) {
					problem = "names " + use.relation() + ", which has no owner in table-owners.yaml";
				}
				else if (!owner.feature().equals(feature)) {
					if (!owner.published()) {
						problem = "names " + use.relation() + ", a table of " + owner.feature()
								+ ": call its API or read a view it publishes";
					}
					else if (use.writes()) {
						problem = "writes " + use.relation() + ", a read model of " + owner.feature()
								+ ": call its API";
					}
					else if (!this.owners.uses.getOrDefault(feature, Set.of()).contains(owner.feature())) {
						problem = "reads " + use.relation() + " of " + owner.feature() + ", a feature " + feature
								+ " may not use";
					}
				}
				if (problem != null && seen.add(problem)) {
					violations.add(type + " (" + feature + ") " + problem);
				}
			}
		}
		return violations;
	}

	static String featureOf(String type) {
		String rest = type.startsWith("org.vigil.") ? type.substring("org.vigil.".length()) : type;
		int dot = rest.indexOf('.');
		return (dot < 0) ? "" : rest.substring(0, dot);
	}

}
