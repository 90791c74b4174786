package io.github.migrations.benchmarks;

import java.util.List;

import io.github.migrations.benchmarks.startup.StartupVariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Options}, {@link Result} lines and {@link StartupVariant} class paths.
 */
class OptionsTests {

	@Test
	void defaultsRunEverythingAtThreeSizesAndQuickRunsOneSmallSize() {
		Options all = Options.parse();
		assertThat(all.sizes()).containsExactly(100, 1000, 10000);
		assertThat(all.scenarios()).containsExactly("makemigrations", "apply", "revert", "startup", "heap", "jmh");
		assertThat(all.runsAt(1000)).isEqualTo(5);
		assertThat(all.runsAt(10000)).isEqualTo(1);
		assertThat(all.warmupsAt(10000)).isZero();
		Options quick = Options.parse("--quick", "--databases", "h2");
		assertThat(quick.sizes()).containsExactly(100);
		assertThat(quick.databases()).containsExactly("h2");
	}

	@Test
	void unknownOptionsAndScenariosAreRejectedWithTheValidOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--models", "5"))
			.withMessageContaining("--sizes");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--only", "apply,speed"))
			.withMessageContaining("subset of");
	}

	@Test
	void resultLinesRoundTrip() {
		Result result = new Result("apply", "h2", 100, "chain", "ours", new Samples(List.of(3L, 1L, 2L)), "a note");
		assertThat(Result.parse(result.toLine())).isEqualTo(result);
		assertThat(result.samples().medianMillis()).isEqualTo(2e-6);
	}

	@Test
	void eachStartupVariantKeepsOnlyItsOwnToolOnTheClassPath() {
		String classPath = String.join(java.io.File.pathSeparator, "/m2/spring-boot-4.1.2.jar",
				"/m2/flyway-core-12.4.0.jar", "/m2/spring-boot-flyway-4.1.2.jar", "/m2/liquibase-core-5.0.4.jar",
				"/m2/spring-boot-liquibase-4.1.2.jar", "/work/migrations-spring-boot-autoconfigure/target/classes",
				"/work/migrations-core/target/classes");
		assertThat(StartupVariant.FLYWAY.classPath(classPath)).contains("flyway-core").doesNotContain("liquibase")
			.doesNotContain("autoconfigure");
		assertThat(StartupVariant.OURS.classPath(classPath)).contains("autoconfigure").contains("migrations-core")
			.doesNotContain("flyway").doesNotContain("liquibase");
		assertThat(StartupVariant.OURS_IGNORE_CHANGES.classPath(classPath))
			.isEqualTo(StartupVariant.OURS.classPath(classPath));
		assertThat(StartupVariant.OURS_IGNORE_CHANGES.arguments()).containsExactly("--migrations.unmigrated-changes=ignore");
		assertThat(StartupVariant.OURS_IGNORE_CHANGES.subject()).isEqualTo("ours-ignore-changes");
		assertThat(StartupVariant.BASELINE.classPath(classPath)).isEqualTo(String.join(java.io.File.pathSeparator,
				"/m2/spring-boot-4.1.2.jar", "/work/migrations-core/target/classes"));
	}

}
