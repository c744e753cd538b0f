package org.vigil.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and views a piece of SQL reads or writes: the names after {@code from},
 * {@code join}, {@code into}, {@code update}, {@code truncate} and {@code table}, kept
 * only when they are known relations, so that prose such as "removed from item" in a log
 * message does not need a parser to be told apart from SQL.
 */
final class SqlTableNames {

	private static final Pattern RELATION = Pattern.compile(
			"\\b(from|join|into|update|truncate|table)\\s+(?:only\\s+)?(?:public\\.)?\"?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	/** How a statement names a relation. */
	record Use(String relation, boolean writes) {

	}

	private final Set<String> known;

	SqlTableNames(Set<String> known) {
		this.known = known;
	}

	List<Use> in(String sql) {
		List<Use> uses = new ArrayList<>();
		Matcher matcher = RELATION.matcher(sql);
		while (matcher.find()) {
			String name = matcher.group(2).toLowerCase(Locale.ROOT);
			if (this.known.contains(name)) {
				String keyword = matcher.group(1).toLowerCase(Locale.ROOT);
				boolean writes = !keyword.equals("from") && !keyword.equals("join") || deleteFrom(sql, matcher.start());
				uses.add(new Use(name, writes));
			}
		}
		return uses;
	}

	private static boolean deleteFrom(String sql, int fromAt) {
		return sql.substring(0, fromAt).stripTrailing().toLowerCase(Locale.ROOT).endsWith("delete");
	}

}
