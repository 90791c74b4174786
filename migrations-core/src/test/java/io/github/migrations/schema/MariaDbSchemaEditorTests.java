package io.github.migrations.schema;

import java.util.List;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.author;
import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.nullable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MariaDbSchemaEditor} against a real MariaDB server (see {@link TestDatabases}).
 */
class MariaDbSchemaEditorTests extends AbstractSchemaEditorTests {

	@Override
	protected TestDatabase createDatabase() {
		return TestDatabases.mariadb();
	}

	@Test
	void factoryChoosesTheMariaDbEditorWithBackticks() {
		BaseSchemaEditor editor = SchemaEditors.create(this.connection, true);
		assertThat(editor).isInstanceOf(MariaDbSchemaEditor.class);
		editor.createModel(author());
		assertThat(editor.collectedSql()).containsExactly("CREATE TABLE `shop_author` (`id` bigint AUTO_INCREMENT"
				+ " NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL)");
	}

	@Test
	void aOneOffDefaultOfAnAddedNullableColumnIsReplacedBySetDefaultNullAsInDjango() throws Exception {
		ProjectState authors = forwards(ProjectState.empty(), CreateModel.of(author()));
		insert("shop_author", List.of("name"), "a");
		AddField nullableRank = new AddField("Author", "rank", nullable(new FieldType.IntegerField()).withDefault("7"),
				false);
		AddField stock = new AddField("Author", "stock", field(new FieldType.IntegerField()).withDefault("5"), false);
		assertThat(sqlForwards(authors, nullableRank, stock)).containsExactly(
				"ALTER TABLE `shop_author` ADD COLUMN `rank` integer DEFAULT 7 NULL",
				"ALTER TABLE `shop_author` ALTER COLUMN `rank` SET DEFAULT NULL",
				"ALTER TABLE `shop_author` ADD COLUMN `stock` integer DEFAULT 5 NOT NULL",
				"ALTER TABLE `shop_author` ALTER COLUMN `stock` DROP DEFAULT");
		forwards(authors, nullableRank, stock);
		insert("shop_author", List.of("name", "stock"), "b", 1);
		assertThat(query("SELECT `name`, `rank`, `stock` FROM `shop_author` ORDER BY `id`"))
			.containsExactly(List.of("a", 7, 5), java.util.Arrays.asList("b", null, 1));
		assertFails(() -> insert("shop_author", List.of("name"), "c"));
	}

	@Test
	void removingTheDatabaseDefaultOfANullableColumnDropsItAsInDjango() throws Exception {
		ProjectState authors = forwards(ProjectState.empty(), CreateModel.of(author()),
				new AddField("Author", "rank", nullable(new FieldType.IntegerField()).withDbDefault("3"), true));
		AlterField noDefault = new AlterField("Author", "rank", nullable(new FieldType.IntegerField()), true);
		assertThat(sqlForwards(authors, noDefault))
			.containsExactly("ALTER TABLE `shop_author` ALTER COLUMN `rank` DROP DEFAULT");
		forwards(authors, noDefault);
		insert("shop_author", List.of("name"), "a");
		assertThat(column("shop_author", "rank")).containsExactly((Object) null);
		assertThat(sqlBackwards(authors, noDefault))
			.containsExactly("ALTER TABLE `shop_author` ALTER COLUMN `rank` SET DEFAULT 3");
	}

	@Test
	void migrationsWriteDjangosSqlAndRunBothWays() {
		// Django 5.2.17 sqlmigrate on MariaDB 10.11 for the same operations; differences, on purpose:
		// table constraints are written in CREATE TABLE; quotes in strings are doubled, not
		// backslash-escaped; a conditional unique constraint prints nothing (Django prints "None;");
		// no table comment (the state has none); a MODIFY restates the column's check (MariaDB
		// forgets column checks a MODIFY omits) instead of adding a named one; an altered column
		// is restated once with its new default and comment; renaming a model keeps the foreign keys
		// that point to it (MariaDB follows the renamed table) where Django drops and re-adds them
		List<String> initial = sqlForwards(ProjectState.empty(), DjangoReference.initial("`"));
		assertThat(initial).containsExactlyElementsOf(DjangoReference.mySqlFamilyInitialSql("uuid"));
		ProjectState afterInitial = forwards(ProjectState.empty(), DjangoReference.initial("`"));
		assertThat(sqlForwards(afterInitial, DjangoReference.ops("`"))).containsExactlyElementsOf(
				DjangoReference.mySqlFamilyOpsSql("DROP CONSTRAINT IF EXISTS",
						"ALTER TABLE `shop_everything` MODIFY `small` smallint UNSIGNED NOT NULL CHECK (`small` >= 0)"));
		forwards(afterInitial, DjangoReference.ops("`"));
		assertThat(Introspector.tableNames(this.connection)).containsExactlyInAnyOrder("shop_writer", "shop_smallkey",
				"evt", "evt_more");
		backwards(afterInitial, DjangoReference.ops("`"));
		backwards(ProjectState.empty(), DjangoReference.initial("`"));
		assertThat(Introspector.tableNames(this.connection)).isEmpty();
	}

	@Test
	void foreignKeyIndexesAreDjangos() {
		ProjectState before = createsDjangosForeignKeyIndexes(Vendor.MARIADB);
		// as Django's mysql backend, a foreign key gets no index of its own (InnoDB's index of the
		// constraint serves), so db_index changes nothing, either way. Django 5.2.17 does not keep to
		// that rule in AlterField: it drops each foreign key, drops InnoDB's index (author) or creates
		// one of its own (editor), and adds the foreign key back (InnoDB indexes it again); backwards
		// it creates an index of its own for author, which its CreateModel does not.
		assertThat(sqlForwards(before, DjangoForeignKeyIndexReference.toggled())).isEmpty();
		forwards(before, DjangoForeignKeyIndexReference.toggled());
		assertThat(sqlBackwards(before, DjangoForeignKeyIndexReference.toggled())).isEmpty();
	}

}
