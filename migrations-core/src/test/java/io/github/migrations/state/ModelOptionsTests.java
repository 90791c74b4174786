package io.github.migrations.state;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelOptions}'s equality, written out instead of generated.
 */
class ModelOptionsTests {

	/** A record with the same components, whose methods are generated. */
	private record Generated(List<String> ordering, String verboseName, String verboseNamePlural) {
	}

	@Test
	void equalOptionsAreEqualAndOthersAreNot() {
		ModelOptions options = new ModelOptions(List.of("-created"), "order", "orders");
		assertThat(options).isEqualTo(new ModelOptions(List.of("-created"), "order", "orders"))
			.hasSameHashCodeAs(new ModelOptions(List.of("-created"), "order", "orders"));
		assertThat(options).isNotEqualTo(new ModelOptions(List.of("created"), "order", "orders"))
			.isNotEqualTo(new ModelOptions(List.of("-created"), null, "orders"))
			.isNotEqualTo(new ModelOptions(List.of("-created"), "order", null))
			.isNotEqualTo(ModelOptions.NONE)
			.isNotEqualTo(null);
		assertThat(ModelOptions.NONE).isEqualTo(new ModelOptions(List.of(), null, null));
	}

	@Test
	void hashIsTheOneARecordGenerates() {
		// hash maps and sets of options iterate in the same order as before the methods were written out
		assertThat(new ModelOptions(List.of("a", "-b"), "order", "orders").hashCode())
			.isEqualTo(new Generated(List.of("a", "-b"), "order", "orders").hashCode());
		assertThat(ModelOptions.NONE.hashCode()).isEqualTo(new Generated(List.of(), null, null).hashCode());
		assertThat(new ModelOptions(List.of(), null, "orders").hashCode())
			.isEqualTo(new Generated(List.of(), null, "orders").hashCode());
	}

}
