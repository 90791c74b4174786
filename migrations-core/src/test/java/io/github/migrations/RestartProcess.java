package io.github.migrations;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.loader.FileHeaders;
import io.github.migrations.testsupport.SimpleDataSource;

/**
 * A fresh JVM that restarts with every migration of a folder applied, as the Spring Boot starter
 * does: the files are read and, unless the last argument is {@code cold},
 * {@link Preinitialization#restart()} runs, then a line {@code RESTART} is printed and everything
 * is migrated. Arguments: migrations folder, JDBC URL, user, password, {@code warm} or
 * {@code cold}. Prints {@code APPLIED <n>} at the end.
 */
public final class RestartProcess {

	/** The line printed just before migrating. */
	static final String MARKER = "RESTART";

	private RestartProcess() {
	}

	public static void main(String[] args) {
		SimpleDataSource dataSource = new SimpleDataSource(args[1], args[2], args[3]);
		Migrations migrations = Migrations.configure().dataSource(dataSource).directory(Path.of(args[0])).load();
		FileHeaders.read(migrations.configuration().source());
		if (!"cold".equals(args[4])) {
			Preinitialization.restart();
		}
		System.out.println(MARKER);
		PrintWriter discard = new PrintWriter(Writer.nullWriter());
		MigrateResult result = migrations.migrate(Migrate.Options.all(), new CommandOutput(discard, discard, 0));
		System.out.println("APPLIED " + result.applied().size());
	}

}
