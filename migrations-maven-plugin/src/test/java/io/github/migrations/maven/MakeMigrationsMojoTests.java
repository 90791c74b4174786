package io.github.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MakeMigrationsMojo}'s command line.
 */
class MakeMigrationsMojoTests {

	@Test
	void safeParameterAddsTheSafeOption() throws MojoFailureException {
		MakeMigrationsMojo mojo = new MakeMigrationsMojo();
		assertThat(mojo.commandLine(List.of("blog"))).containsExactly("makemigrations", "blog");
		mojo.safe = true;
		assertThat(mojo.commandLine(List.of("blog"))).containsExactly("makemigrations", "blog", "--safe");
		assertThat(mojo.commandLine(List.of("--safe"))).containsExactly("makemigrations", "--safe");
	}

}
