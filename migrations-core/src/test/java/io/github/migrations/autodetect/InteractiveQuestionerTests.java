package io.github.migrations.autodetect;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import io.github.migrations.NonNullFieldWithoutDefaultException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The questions asked at a terminal, with Django's wording, and the answers they accept.
 */
class InteractiveQuestionerTests {

	private final StringWriter written = new StringWriter();

	private static final FieldState SKU = FieldState.of(new FieldType.CharField(20));

	@Test
	void oneOffDefaultForANonNullAdditionIsCheckedAgainstTheFieldType() {
		FieldState quantity = FieldState.of(new FieldType.IntegerField());
		String answer = questioner("1\nmany\n12\n").askNotNullAddition("shop", "product", "quantity", quantity);
		assertThat(answer).isEqualTo("12");
		assertThat(this.written.toString()).startsWith(
				"It is impossible to add a non-nullable field 'quantity' to product without specifying a default. This is because the database needs something to populate existing rows.\n"
						+ "Please select a fix:\n"
						+ " 1) Provide a one-off default now (will be set on all existing rows with a null value for this column)\n")
			.contains("Select an option: ", ">>> ", "'many' is not a valid IntegerField value");
	}

	@Test
	void quittingANonNullAdditionExitsWithStatusThree() {
		assertThatExceptionOfType(NonNullFieldWithoutDefaultException.class)
			.isThrownBy(() -> questioner("2\n").askNotNullAddition("shop", "product", "sku", SKU))
			.withMessageContaining("Field 'sku' on model 'product' not migrated")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(3));
	}

	@Test
	void typingExitAtTheDefaultPromptQuits() {
		assertThatExceptionOfType(NonNullFieldWithoutDefaultException.class)
			.isThrownBy(() -> questioner("1\nexit\n").askNotNullAddition("shop", "product", "sku", SKU));
	}

	@Test
	void ignoringANotNullAlterationLeavesTheNullRowsToTheUser() {
		assertThat(questioner("x\n2\n").askNotNullAlteration("shop", "product", "sku", SKU)).isNull();
		assertThat(this.written.toString()).contains("Please select a valid option: ", " 3) Quit");
	}

	@Test
	void fieldRenameQuestionIsDjangos() {
		assertThat(questioner("y\n").askRename(new ModelKey("testapp", "author"), "name", "full_name", SKU)).isTrue();
		assertThat(this.written.toString()).isEqualTo("Was author.name renamed to author.full_name (a CharField)? [y/N] ");
	}

	@Test
	void modelRenameDefaultsToNo() {
		ModelState author = new ModelState("testapp", "Author", java.util.Map.of(), null);
		ModelState writer = new ModelState("testapp", "Writer", java.util.Map.of(), null);
		assertThat(questioner("\n").askRenameModel(author, writer)).isFalse();
		assertThat(this.written.toString()).isEqualTo("Was the model testapp.Author renamed to Writer? [y/N] ");
	}

	@Test
	void choicesLimitTheOneOffDefault() {
		FieldState status = SKU.withChoices(List.of("draft", "published"));
		assertThat(questioner("1\nother\ndraft\n").askNotNullAddition("blog", "post", "status", status)).isEqualTo("draft");
		assertThat(this.written.toString()).contains("is not one of the choices [draft, published]");
	}

	@Test
	void aRunThatWritesNothingAsksNoDefault() {
		InteractiveQuestioner dryRun = new InteractiveQuestioner(new BufferedReader(new StringReader("")),
				new PrintWriter(this.written, true), true);
		assertThat(dryRun.askNotNullAddition("shop", "product", "sku", SKU)).isEmpty();
		assertThat(dryRun.askNotNullAlteration("shop", "product", "sku", SKU)).isNull();
		assertThat(this.written.toString()).isEmpty();
	}

	private InteractiveQuestioner questioner(String input) {
		return new InteractiveQuestioner(new BufferedReader(new StringReader(input)), new PrintWriter(this.written, true));
	}

}
