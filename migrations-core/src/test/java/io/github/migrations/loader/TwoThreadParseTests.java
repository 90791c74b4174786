package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.BadMigrationException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link TwoThreadParse} and {@link MigrationLoader#loadOnTwoThreads}: the same
 * migrations, and the same failure for the same files, as parsing them one after the other.
 */
class TwoThreadParseTests {

	private static final int FILES = 2 * TwoThreadParse.MIN_FILES + 7;

	@Test
	void loadsTheSameMigrationsAsOneThread() {
		MigrationSource source = chain(FILES, -1, -1);
		MigrationLoader one = MigrationLoader.load(source, Set.of());
		MigrationLoader two = MigrationLoader.loadOnTwoThreads(source, Set.of());
		assertThat(two.diskMigrations()).hasSize(FILES);
		assertThat(two.diskMigrations().keySet()).containsExactlyElementsOf(one.diskMigrations().keySet());
		for (MigrationKey key : one.diskMigrations().keySet()) {
			Migration expected = one.diskMigrations().get(key);
			Migration actual = two.diskMigrations().get(key);
			assertThat(actual.checksum()).isEqualTo(expected.checksum());
			assertThat(actual.operations()).isEqualTo(expected.operations());
			assertThat(actual.dependencies()).isEqualTo(expected.dependencies());
		}
		MigrationKey leaf = new MigrationKey("shop", name(FILES - 1));
		assertThat(two.graph().forwardsPlan(leaf)).isEqualTo(one.graph().forwardsPlan(leaf));
		assertThat(two.projectState().models()).isEqualTo(one.projectState().models());
	}

	@Test
	void aBrokenFileParsedByTheSecondThreadIsNamedAsOneThreadNamesIt() {
		MigrationSource source = chain(FILES, FILES - 5, -1);
		assertThatExceptionOfType(BadMigrationException.class)
			.isThrownBy(() -> MigrationLoader.loadOnTwoThreads(source, Set.of()))
			.withMessage(messageOfOneThread(source))
			.withMessageContaining(name(FILES - 5) + ".yaml");
	}

	@Test
	void theFirstBrokenFileInOrderIsNamedWhenBothHalvesHaveOne() {
		MigrationSource source = chain(FILES, 3, FILES - 5);
		assertThatExceptionOfType(BadMigrationException.class)
			.isThrownBy(() -> MigrationLoader.loadOnTwoThreads(source, Set.of()))
			.withMessage(messageOfOneThread(source))
			.withMessageContaining(name(3) + ".yaml");
	}

	@Test
	void aFileDefinedTwiceBeforeABrokenOneIsReportedFirstAsOneThreadDoes() {
		List<MigrationResource> files = new ArrayList<>(chain(FILES, FILES - 5, -1).list());
		files.add(1, files.get(0));
		MigrationSource source = () -> files;
		assertThatExceptionOfType(BadMigrationException.class)
			.isThrownBy(() -> MigrationLoader.loadOnTwoThreads(source, Set.of()))
			.withMessage(messageOfOneThread(source))
			.withMessageContaining("is defined twice");
	}

	@Test
	void fewFilesAreParsedOnTheCallingThreadWithTheSameResult() {
		MigrationSource source = chain(5, 2, -1);
		assertThatExceptionOfType(BadMigrationException.class)
			.isThrownBy(() -> MigrationLoader.loadOnTwoThreads(source, Set.of()))
			.withMessage(messageOfOneThread(source));
		assertThat(MigrationLoader.loadOnTwoThreads(chain(5, -1, -1), Set.of()).diskMigrations()).hasSize(5);
	}

	private static String messageOfOneThread(MigrationSource source) {
		Throwable thrown = catchThrowable(() -> MigrationLoader.load(source, Set.of()));
		assertThat(thrown).isInstanceOf(BadMigrationException.class);
		return thrown.getMessage();
	}

	/**
	 * A chain of migrations in one app, each creating a model; the files at the broken positions
	 * do not parse.
	 */
	private static MigrationSource chain(int count, int broken, int alsoBroken) {
		List<MigrationResource> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String dependencies = (i == 0) ? "dependencies: []\n"
					: "dependencies:\n  - shop." + name(i - 1) + "\n";
			String content = dependencies + "operations:\n  - CreateModel:\n      name: Model" + i + "\n      fields:\n"
					+ "        id: {type: BigAutoField, primary_key: true}\n"
					+ "        title: {type: CharField, max_length: " + (10 + i) + "}\n";
			if (i == broken || i == alsoBroken) {
				content = dependencies + "operations:\n  - AddField: {model_name: model" + i + "\n";
			}
			files.add(new MigrationResource("shop", name(i), "db/shop/" + name(i) + ".yaml", content));
		}
		return () -> files;
	}

	private static String name(int i) {
		return String.format("%04d_step", i + 1);
	}

}
