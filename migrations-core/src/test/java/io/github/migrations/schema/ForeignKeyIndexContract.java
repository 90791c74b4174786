package io.github.migrations.schema;

import java.util.List;
import java.util.Locale;

import io.github.migrations.operation.AlterField;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.DjangoForeignKeyIndexReference.AUTHOR_INDEX;
import static io.github.migrations.schema.DjangoForeignKeyIndexReference.EDITOR_INDEX;
import static io.github.migrations.schema.DjangoForeignKeyIndexReference.foreignKey;
import static io.github.migrations.schema.DjangoForeignKeyIndexReference.initial;
import static io.github.migrations.schema.DjangoForeignKeyIndexReference.toggled;
import static io.github.migrations.schema.SchemaTestModels.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract: a foreign key column gets an index under Django's name ({@code db_index}, true by
 * default) unless its field says {@code db_index: false}, and an {@code AlterField} of
 * {@code db_index} creates or drops it, both ways; MariaDB and MySQL create none of their own
 * for a foreign key (InnoDB indexes the constraint's column itself), as Django's {@code mysql}
 * backend; the join table of a many-to-many field indexes both its foreign keys; the foreign
 * keys themselves stay throughout.
 */
interface ForeignKeyIndexContract extends SchemaEditorContract {

	@Test
	default void foreignKeyIsIndexedUnderDjangosNameUnlessDbIndexIsFalse() throws Exception {
		forwards(ProjectState.empty(), initial());
		assertThat(indexes("shop_book", "author_id")).containsExactlyElementsOf(expected(AUTHOR_INDEX));
		assertThat(indexes("shop_book", "editor_id")).doesNotContain(EDITOR_INDEX);
		assertThat(indexes("shop_book_tags", "book_id"))
			.containsExactlyElementsOf(expected("shop_book_tags_book_id_00064ef8"));
		assertThat(indexes("shop_book_tags", "tag_id"))
			.containsExactlyElementsOf(expected("shop_book_tags_tag_id_c7a5d3dd"));
		if (vendor() == Vendor.POSTGRESQL || vendor() == Vendor.SQLITE) {
			assertThat(allIndexes("shop_book", "editor_id")).isEmpty();
		}
		else {
			assertThat(allIndexes("shop_book", "editor_id")).as("the database's own index of the foreign key").isNotEmpty();
		}
		assertThat(indexes("shop_book", "profile_id")).isEmpty();
		assertForeignKeysEnforced();
	}

	@Test
	default void alterFieldOfDbIndexCreatesAndDropsTheForeignKeyIndexBothWays() throws Exception {
		ProjectState before = forwards(ProjectState.empty(), initial());
		forwards(before, toggled());
		assertThat(indexes("shop_book", "author_id")).doesNotContain(AUTHOR_INDEX);
		assertThat(indexes("shop_book", "editor_id")).containsExactlyElementsOf(expected(EDITOR_INDEX));
		assertForeignKeysEnforced();
		backwards(before, toggled());
		assertThat(indexes("shop_book", "author_id")).containsExactlyElementsOf(expected(AUTHOR_INDEX));
		assertThat(indexes("shop_book", "editor_id")).doesNotContain(EDITOR_INDEX);
		execute("DELETE FROM " + q("shop_book"));
		assertForeignKeysEnforced();
	}

	@Test
	default void indexCreatedBeforeItsForeignKeyIsDroppedByDbIndexFalse() throws Exception {
		ProjectState before = forwards(ProjectState.empty(), initial());
		// a plain column becoming a foreign key gets its index before its key (Django's order),
		// which the key may then take over (H2)
		AlterField plain = new AlterField("Book", "author",
				field(new FieldType.BigIntegerField()).withDbColumn("author_id"), true);
		AlterField relation = new AlterField("Book", "author", foreignKey(), true);
		AlterField off = new AlterField("Book", "author", foreignKey().withDbIndex(false), true);
		ProjectState related = forwards(before, plain, relation);
		assertThat(indexes("shop_book", "author_id")).containsExactlyElementsOf(expected(AUTHOR_INDEX));
		forwards(related, off);
		assertThat(indexes("shop_book", "author_id")).isEmpty();
		assertForeignKeysEnforced();
		backwards(related, off);
		assertThat(indexes("shop_book", "author_id")).containsExactlyElementsOf(expected(AUTHOR_INDEX));
	}

	/**
	 * Check the SQL of creating the reference models against Django's on this database, then
	 * create them.
	 * @param vendor the database, for Django's SQL
	 * @return the state after
	 */
	default ProjectState createsDjangosForeignKeyIndexes(Vendor vendor) {
		List<String> sql = sqlForwards(ProjectState.empty(), initial());
		assertThat(sql.subList(2, sql.size()))
			.containsExactlyElementsOf(DjangoForeignKeyIndexReference.initialBookSql(vendor));
		return forwards(ProjectState.empty(), initial());
	}

	private void assertForeignKeysEnforced() throws Exception {
		for (String column : List.of("author_id", "editor_id", "profile_id")) {
			assertThat(Introspector.foreignKeyNames(connection(), "shop_book", column)).as(column).hasSize(1);
		}
		insert("shop_author", List.of("name"), "Ann");
		long ann = ((Number) query("SELECT MAX(" + q("id") + ") FROM " + q("shop_author")).get(0).get(0)).longValue();
		insert("shop_book", List.of("author_id", "editor_id", "profile_id"), ann, ann, ann);
		assertFails(() -> insert("shop_book", List.of("author_id", "editor_id", "profile_id"), 99L, ann, 98L));
		assertFails(() -> insert("shop_book", List.of("author_id", "editor_id", "profile_id"), ann, 99L, 98L));
	}

	/**
	 * The Django-named indexes on a column: the given one where the database gets a field index for
	 * a foreign key, none on MariaDB and MySQL.
	 */
	private List<String> expected(String name) {
		return (vendor() == Vendor.MARIADB || vendor() == Vendor.MYSQL) ? List.of() : List.of(name);
	}

	/** The indexes on one column named as Django names a field's index ({@code <table>_<column>_<hash>}). */
	private List<String> indexes(String table, String column) {
		return allIndexes(table, column).stream()
			.filter((name) -> name.matches(table + "_" + column + "_[0-9a-f]{8}"))
			.toList();
	}

	private List<String> allIndexes(String table, String column) {
		return Introspector.indexNames(connection(), table, column)
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
	}

	private Vendor vendor() {
		return inspector().vendor();
	}

}
