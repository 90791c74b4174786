package io.github.migrations.concurrency;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.testsupport.JavaProcess;
import io.github.migrations.testsupport.SimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

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

	/**
	 * Start several of these processes at once, wait until each has exited with 0, and return how
	 * many migrations they applied in all.
	 * @param processes how many
	 * @param folder the migrations folder
	 * @param dataSource the database
	 * @param timeout how long each may take
	 * @return the migrations applied
	 */
	static int runAtOnce(int processes, Path folder, SimpleDataSource dataSource, Duration timeout) throws Exception {
		List<JavaProcess> started = new ArrayList<>();
		try {
			for (int i = 0; i < processes; i++) {
				started.add(JavaProcess.start(List.of(), MigrateProcess.class, folder, dataSource, List.of()));
			}
			int applied = 0;
			for (JavaProcess process : started) {
				assertThat(process.waitFor(timeout)).as(process.output()).isZero();
				applied += Integer.parseInt(process.output().replaceAll("(?s).*APPLIED (\\d+).*", "$1"));
			}
			return applied;
		}
		finally {
			started.forEach(JavaProcess::close);
		}
	}

}
