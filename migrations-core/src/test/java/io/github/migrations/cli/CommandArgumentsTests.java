package io.github.migrations.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CommandArguments}.
 */
class CommandArgumentsTests {

	@Test
	void wordsAreSplitOnAnyWhitespace() {
		assertThat(CommandArguments.split("  blog\t0002   --plan ")).containsExactly("blog", "0002", "--plan");
	}

	@Test
	void quotesGroupWordsAndAreRemoved() {
		assertThat(CommandArguments.split("blog -n 'add title' --name=\"x y\""))
			.containsExactly("blog", "-n", "add title", "--name=x y");
	}

	@Test
	void emptyQuotesMakeAnEmptyArgument() {
		assertThat(CommandArguments.split("-n ''")).containsExactly("-n", "");
	}

	@Test
	void nullOrBlankMakesNoArguments() {
		assertThat(CommandArguments.split(null)).isEmpty();
		assertThat(CommandArguments.split("   ")).isEmpty();
	}

	@Test
	void unclosedQuoteIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandArguments.split("blog -n 'oops"))
			.withMessageContaining("Unclosed '");
	}

}
