package io.github.migrations.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * {@link SchemaManagementProvider} that tells Hibernate (and anything else asking) that a
 * {@link DataSource} migrated by a {@link Migrations} engine has a managed schema, so that
 * {@code spring.jpa.hibernate.ddl-auto} defaults to {@code none} instead of
 * {@code create-drop} on an embedded database.
 * <p>
 * The engine's {@code DataSource} is often not the application's: {@code migrations.user} or
 * {@code migrations.url} give it one of its own. The application's is then managed when both
 * connect to the same database, as their JDBC URLs tell.
 *
 * @author Migrations contributors
 */
class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrations> migrationsBeans;

	MigrationsSchemaManagementProvider(ObjectProvider<Migrations> migrationsBeans) {
		this.migrationsBeans = migrationsBeans;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		List<DataSource> migrated = this.migrationsBeans.stream()
			.map((migrations) -> migrations.configuration().dataSource())
			.toList();
		if (migrated.contains(dataSource)) {
			return SchemaManagement.MANAGED;
		}
		String url = (migrated.isEmpty()) ? null : jdbcUrl(dataSource);
		boolean sameDatabase = url != null
				&& migrated.stream().anyMatch((migratedDataSource) -> url.equals(jdbcUrl(migratedDataSource)));
		return sameDatabase ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

	private static @Nullable String jdbcUrl(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
		}
		catch (MetaDataAccessException ex) {
			return null;
		}
	}

}
