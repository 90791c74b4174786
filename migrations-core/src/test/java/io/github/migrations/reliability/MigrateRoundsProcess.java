package io.github.migrations.reliability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.testsupport.SimpleDataSource;

/**
 * A long-lived JVM that migrates, as an application instance does at startup, each time its
 * standard input says {@code go N}, and prints {@code ROUND N APPLIED k} when done; {@code exit}
 * ends it. Arguments: migrations folder, JDBC URL, user, password. One JVM serves every round, so
 * that many rounds of concurrent starts fit in the test time; each round reads the files and the
 * database afresh, as a restarted application would.
 */
public final class MigrateRoundsProcess {

	private MigrateRoundsProcess() {
	}

	public static void main(String[] args) throws Exception {
		Migrations migrations = Migrations.configure()
			.dataSource(new SimpleDataSource(args[1], args[2], args[3]))
			.directory(Path.of(args[0]))
			.lockTimeout(Duration.ofSeconds(60))
			.load();
		System.out.println("READY");
		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = input.readLine()) != null && !line.equals("exit")) {
			String round = line.substring("go ".length());
			MigrateResult result = migrations.migrate();
			System.err.flush();
			System.out.println("ROUND " + round + " APPLIED " + result.applied().size());
			System.out.flush();
		}
	}

}
