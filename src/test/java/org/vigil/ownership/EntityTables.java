package org.vigil.ownership;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables a class maps as a JPA entity ({@code @Entity}, with {@code @Table} or the
 * default snake_case name): an entity reads and writes its table, so the table must
 * belong to the entity's feature. Found by annotation name, so the rule needs no JPA on
 * the classpath.
 */
final class EntityTables {

	private EntityTables() {
	}

	/**
	 * The statements an entity of the class stands for ("update TABLE"), ready for the
	 * same check as the SQL in string constants; empty for a class that is no entity.
	 */
	static List<String> asSql(String typeName) {
		List<String> sql = new ArrayList<>();
		Class<?> type;
		try {
			type = Class.forName(typeName, false, EntityTables.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return sql;
		}
		boolean entity = false;
		String table = null;
		for (Annotation annotation : type.getDeclaredAnnotations()) {
			String name = annotation.annotationType().getName();
			if (name.equals("jakarta.persistence.Entity")) {
				entity = true;
			}
			else if (name.equals("jakarta.persistence.Table")) {
				table = value(annotation, "name");
			}
		}
		if (entity) {
			sql.add("update " + ((table == null || table.isEmpty()) ? snakeCase(type.getSimpleName()) : table));
		}
		return sql;
	}

	private static String value(Annotation annotation, String attribute) {
		try {
			return (String) annotation.annotationType().getMethod(attribute).invoke(annotation);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Spring Boot's default physical naming: SavedSearch → saved_search. */
	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
