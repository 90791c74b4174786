package io.github.migrations.autoconfigure;


import javax.sql.DataSource;

import io.github.migrations.Migrations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * {@link SchemaManagementProvider} that tells Hibernate (and anything else asking) that a
 * {@link DataSource} migrated by a {@link Migrations} engine has a managed schema, so that
 * {@code spring.jpa.hibernate.ddl-auto} defaults to {@code none} instead of
 * {@code create-drop} on an embedded database.
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
		return this.migrationsBeans.stream()
			.map((migrations) -> migrations.configuration().dataSource())
			.filter(dataSource::equals)
			.findFirst()
			.map((managed) -> SchemaManagement.MANAGED)
			.orElse(SchemaManagement.UNMANAGED);
	}

}
