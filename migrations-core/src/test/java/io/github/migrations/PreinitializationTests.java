package io.github.migrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Tests for {@link Preinitialization}.
 */
class PreinitializationTests {

	@Test
	void everyListedClassExistsSoThatARenameIsNoticed() {
		assertThat(Preinitialization.RESTART_CLASSES).isNotEmpty().doesNotHaveDuplicates();
		for (String name : Preinitialization.RESTART_CLASSES) {
			assertThatCode(() -> Class.forName(name, false, Preinitialization.class.getClassLoader())).as(name)
				.doesNotThrowAnyException();
		}
	}

}
