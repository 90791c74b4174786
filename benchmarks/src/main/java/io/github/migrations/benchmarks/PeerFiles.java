package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.migrations.benchmarks.CapturingDataSource.SqlGroup;
import io.github.migrations.migration.MigrationKey;

/**
 * Writes the peers' migrations holding the very DDL our engine ran, one file per migration, in the
 * order our engine applied them: Flyway SQL migrations ({@code V1__app00_0001_initial.sql}, …)
 * and a Liquibase changelog including one formatted-SQL changeset file per migration, the last
 * one with our engine's backwards SQL as its rollback. They go where the tools look by default
 * when {@code root} is on the class path ({@code db/migration}; Liquibase:
 * {@code db/changelog/changelog.xml}).
 *
 * @param flyway the Flyway locations folder
 * @param liquibaseChangelog the Liquibase master changelog
 */
public record PeerFiles(Path flyway, Path liquibaseChangelog) {

	/**
	 * Write the files.
	 * @param root the resources folder to write into (created)
	 * @param keys our migrations in the order they were applied
	 * @param groups the DDL of each, in the same order
	 * @param lastRollback the statements that revert the last migration
	 * @return the files
	 * @throws IOException on failure
	 */
	public static PeerFiles write(Path root, List<MigrationKey> keys, List<SqlGroup> groups,
			List<String> lastRollback) throws IOException {
		if (keys.size() != groups.size()) {
			throw new IllegalStateException("Captured " + groups.size() + " DDL groups for " + keys.size()
					+ " migrations; the capture missed a migration boundary");
		}
		Path flyway = Files.createDirectories(root.resolve("db/migration"));
		Path liquibase = Files.createDirectories(root.resolve("db/changelog/changes"));
		StringBuilder changelog = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
						xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
						xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
				""");
		for (int i = 0; i < keys.size(); i++) {
			MigrationKey key = keys.get(i);
			String base = key.app() + "_" + key.name();
			String sql = String.join(";\n", groups.get(i).statements()) + ";\n";
			Files.writeString(flyway.resolve("V" + (i + 1) + "__" + base + ".sql"), sql, StandardCharsets.UTF_8);
			String file = String.format(Locale.ROOT, "%05d_%s.sql", i + 1, base);
			StringBuilder changeset = new StringBuilder("--liquibase formatted sql\n\n--changeset bench:" + base + "\n")
				.append(sql);
			if (i == keys.size() - 1) {
				lastRollback.forEach((statement) -> changeset.append("--rollback ").append(statement).append(";\n"));
			}
			Files.writeString(liquibase.resolve(file), changeset, StandardCharsets.UTF_8);
			changelog.append("\t<include file=\"changes/").append(file).append("\" relativeToChangelogFile=\"true\"/>\n");
		}
		changelog.append("</databaseChangeLog>\n");
		Path master = root.resolve("db/changelog/changelog.xml");
		Files.writeString(master, changelog, StandardCharsets.UTF_8);
		return new PeerFiles(flyway, master);
	}

}
