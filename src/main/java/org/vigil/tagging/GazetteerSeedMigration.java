package org.vigil.tagging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * V20: loads the shipped gazetteer ({@code db/gazetteer/*.yaml}) into the entity, alias,
 * role and role-phrase tables. Spring Boot hands this bean to Flyway; later changes to
 * the reference data ship as further migrations, admins edit the tables.
 */
@Component
class GazetteerSeedMigration extends BaseJavaMigration {

	@Override
	protected void init() {
		// version and description are fixed below, not taken from the class name
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("20");
	}

	@Override
	public String getDescription() {
		return "gazetteer seed from db gazetteer yaml";
	}

	@Override
	public void migrate(Context context) throws SQLException {
		insert(context.getConnection(), GazetteerFiles.load());
	}

	static void insert(Connection connection, GazetteerData data) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (PreparedStatement entity = connection.prepareStatement(
				"insert into entity (type, key, name, wikidata, country_code, kind, attributes) values (?, ?, ?, ?, ?, ?, ?::jsonb) returning id")) {
			for (GazetteerData.Entity row : data.entities()) {
				entity.setString(1, row.type());
				entity.setString(2, row.key());
				entity.setString(3, row.name());
				entity.setString(4, row.wikidata());
				entity.setString(5, row.countryCode());
				entity.setString(6, row.kind());
				entity.setString(7, row.recurring() ? "{\"recurring\": true}" : "{}");
				try (ResultSet rs = entity.executeQuery()) {
					rs.next();
					ids.put(row.type() + "/" + row.key(), rs.getLong(1));
				}
			}
		}
		try (PreparedStatement parent = connection.prepareStatement(
				"update entity set parent_id = (select p.id from entity p where p.key = ? and p.type in ('programme', 'organisation') order by p.type = ? desc limit 1) where id = ?")) {
			for (GazetteerData.Entity row : data.entities()) {
				if (row.parentKey() != null) {
					parent.setString(1, row.parentKey());
					parent.setString(2, row.type());
					parent.setLong(3, ids.get(row.type() + "/" + row.key()));
					parent.addBatch();
				}
			}
			parent.executeBatch();
		}
		try (PreparedStatement alias = connection.prepareStatement(
				"insert into entity_alias (entity_id, alias, match) values (?, ?, ?) on conflict do nothing");
				PreparedStatement role = connection.prepareStatement(
						"insert into person_role (entity_id, role, title, valid_from, valid_to) values (?, ?, ?, ?, ?)")) {
			for (GazetteerData.Entity row : data.entities()) {
				long id = ids.get(row.type() + "/" + row.key());
				for (GazetteerData.Alias a : row.aliases()) {
					alias.setLong(1, id);
					alias.setString(2, a.text());
					alias.setString(3, a.match());
					alias.addBatch();
				}
				for (GazetteerData.Role r : row.roles()) {
					role.setLong(1, id);
					role.setString(2, r.role());
					role.setString(3, r.title());
					role.setObject(4, r.from(), Types.DATE);
					role.setObject(5, r.to(), Types.DATE);
					role.addBatch();
				}
			}
			alias.executeBatch();
			role.executeBatch();
		}
		try (PreparedStatement phrase = connection.prepareStatement(
				"insert into role_phrase (role, phrase, bare, in_context_of) values (?, ?, ?, ?) on conflict do nothing")) {
			for (GazetteerData.RolePhrase row : data.rolePhrases()) {
				phrase.setString(1, row.role());
				phrase.setString(2, row.phrase());
				phrase.setBoolean(3, row.bare());
				phrase.setString(4, row.inContextOf());
				phrase.addBatch();
			}
			phrase.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze entity; analyze entity_alias; analyze person_role; analyze role_phrase");
		}
	}

}
