package io.github.migrations.concurrency;

import java.nio.file.Path;
import java.time.Duration;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.testsupport.SimpleDataSource;

/**
 * A separate JVM that migrates a folder of migrations, as one application instance would at
 * startup. Arguments: migrations folder, JDBC URL, user, password. Prints what it applied.
 */
public final class MigrateProcess {

	private MigrateProcess() {
	}

	public static void main(String[] args) {
		SimpleDataSource dataSource = new SimpleDataSource(args[1], args[2], args[3]);
		MigrateResult result = Migrations.configure()
			.dataSource(dataSource)
			.directory(Path.of(args[0]))
			.lockTimeout(Duration.ofSeconds(60))
			.load()
			.migrate();
		System.out.println("APPLIED " + result.applied().size());
	}

}
