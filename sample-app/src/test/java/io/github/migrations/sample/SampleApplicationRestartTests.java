package io.github.migrations.sample;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts {@link SampleApplication} twice on the same H2 file database: the first start applies
 * every migration, the second applies nothing and keeps the rows added in between.
 *
 * @author Migrations contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationRestartTests {

	@Test
	void secondStartAppliesNothing(@TempDir Path directory, CapturedOutput output) {
		String url = "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("sample").toAbsolutePath();
		List<Timestamp> firstAppliedAt;
		try (ConfigurableApplicationContext context = start(url)) {
			assertThat(output.getOut()).contains("Applied 4 migration(s): ");
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			firstAppliedAt = appliedAt(jdbc);
			assertThat(firstAppliedAt).hasSize(4);
			jdbc.sql("insert into payroll_employee (name, position, salary) values ('Grace', 'Admiral', 99.5)")
				.update();
		}
		int firstLength = output.getOut().length();
		try (ConfigurableApplicationContext context = start(url)) {
			String secondStart = output.getOut().substring(firstLength);
			assertThat(secondStart).contains("No migrations to apply").doesNotContain("Applied ");
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(appliedAt(jdbc)).isEqualTo(firstAppliedAt);
			assertThat(jdbc.sql("select name from payroll_employee").query(String.class).list())
				.containsExactly("Grace");
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(SampleApplication.class).run(url, "--server.port=0");
	}

	private static List<Timestamp> appliedAt(JdbcClient jdbc) {
		return jdbc.sql("select applied from migrations_history order by id").query(Timestamp.class).list();
	}

}
