package org.vigil.shared;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Says which database Vigil uses, for the startup log and {@code db-info}: an operator
 * must never have to guess whether data went to the embedded server or to the external
 * one.
 */
@Component
public class DatabaseDescription {

	private final DataSource dataSource;

	private final ObjectProvider<EmbeddedDatabase> embedded;

	DatabaseDescription(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded) {
		this.dataSource = dataSource;
		this.embedded = embedded;
	}

	public String describe() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String server = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
			EmbeddedDatabase database = this.embedded.getIfAvailable();
			if (database != null) {
				return "embedded " + server + " at " + meta.getURL() + ", data in " + database.dataDir();
			}
			return "external " + server + " at " + meta.getURL() + " as " + meta.getUserName();
		}
		catch (SQLException ex) {
			throw new StartupProblem("Vigil cannot reach its database (" + ex.getMessage()
					+ "); check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.", ex);
		}
	}

}
