package io.github.migrations.schema;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.github.migrations.SchemaEditException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.author;
import static io.github.migrations.schema.SchemaTestModels.authorsAndBooks;
import static io.github.migrations.schema.SchemaTestModels.book;
import static io.github.migrations.schema.SchemaTestModels.everyType;
import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static io.github.migrations.schema.SchemaTestModels.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract every schema editor meets, run against a real database by one subclass per vendor:
 * the tests here and those of the contract interfaces it implements (column types, indexes and
 * constraints, many-to-many join tables, renames and special operations, foreign key indexes, foreign keys without constraint).
 */
abstract class AbstractSchemaEditorTests implements ColumnTypesContract, IndexesAndConstraintsContract,
		ManyToManyContract, RenamesAndSpecialOperationsContract, ForeignKeyIndexContract,
		ForeignKeyConstraintContract {

	private TestDatabase database;

	protected Connection connection;

	protected abstract TestDatabase createDatabase();

	@BeforeEach
	void openDatabase() {
		this.database = createDatabase();
		this.connection = this.database.connection();
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		if (this.database == null) {
			return; // not expected on this machine: the test was skipped (see TestDatabases)
		}
		this.connection.close();
		this.database.close();
	}

	@Test
	void createModelCreatesEveryFieldTypeWithValuesReadBack() throws Exception {
		edit((editor) -> editor.createModel(everyType()));
		assertThat(Introspector.columnNames(this.connection, "shop_product")).map(String::toLowerCase)
			.containsExactly("id", "name", "description", "quantity", "views", "active", "price", "released",
					"created");
		Instant created = Instant.parse("2024-05-01T10:15:30Z");
		insert("shop_product", List.of("name", "description", "quantity", "views", "active", "price", "released",
				"created"), "Widget", "x".repeat(5000), 3, 9_000_000_000L, true, new BigDecimal("12.34"),
				Date.valueOf("2024-05-01"), Timestamp.from(created));
		List<Object> row = query("SELECT " + q("id") + ", " + q("name") + ", " + q("description") + ", " + q("views")
				+ ", " + q("active") + ", " + q("price") + ", " + q("created") + " FROM " + q("shop_product")).get(0);
		assertThat(((Number) row.get(0)).longValue()).isEqualTo(1L);
		assertThat(row.get(1)).isEqualTo("Widget");
		assertThat(row.get(2).toString()).hasSize(5000);
		assertThat(((Number) row.get(3)).longValue()).isEqualTo(9_000_000_000L);
		assertThat(row.get(4).toString()).isIn("true", "1");
		assertThat(new BigDecimal(row.get(5).toString())).isEqualByComparingTo("12.34");
		assertThat(readInstant("shop_product", "created")).isEqualTo(created);
		assertFails(() -> insert("shop_product", List.of("name"), (Object) null));
	}

	@Test
	void foreignKeyConstraintIsEnforcedAndIndexed() throws Exception {
		edit((editor) -> {
			editor.setProjectState(authorsAndBooks());
			editor.createModel(author());
			editor.createModel(book());
		});
		insert("shop_author", List.of("name"), "Ann");
		insert("shop_book", List.of("title", "author_id"), "Fine", 1L);
		assertFails(() -> insert("shop_book", List.of("title", "author_id"), "Orphan", 99L));
		assertThat(Introspector.foreignKeyNames(this.connection, "shop_book", "author_id")).hasSize(1);
		assertThat(Introspector.indexNames(this.connection, "shop_book", "author_id")).isNotEmpty();
	}

	@Test
	void addFieldWithDefaultFillsExistingRowsAndLeavesNoDefault() throws Exception {
		edit((editor) -> editor.createModel(author()));
		insert("shop_author", List.of("name"), "Ann");
		insert("shop_author", List.of("name"), "Bob");
		FieldState nickname = field(new FieldType.CharField(20)).withDefault("it's");
		ModelState withNickname = author().withField("nickname", nickname);
		ModelState withRank = withNickname.withField("rank", field(new FieldType.IntegerField()).withDefault("7"));
		List<String> sql = edit((editor) -> {
			editor.addField(withNickname, "nickname", nickname);
			editor.addField(withRank, "rank", withRank.field("rank"));
		});
		assertThat(column("shop_author", "nickname")).containsExactly("it's", "it's");
		assertThat(column("shop_author", "rank")).map((value) -> ((Number) value).intValue()).containsExactly(7, 7);
		if (inspector().vendor() == Vendor.SQLITE) {
			// the table is remade, copying the default into the new column; it never had a default
			assertThat(sql).filteredOn((statement) -> statement.startsWith("INSERT INTO \"new__shop_author\""))
				.containsExactly("INSERT INTO \"new__shop_author\" (\"id\", \"name\", \"nickname\") SELECT \"id\", \"name\","
						+ " 'it''s' FROM \"shop_author\"", "INSERT INTO \"new__shop_author\" (\"id\", \"name\", \"nickname\","
						+ " \"rank\") SELECT \"id\", \"name\", \"nickname\", 7 FROM \"shop_author\"");
		}
		else {
			assertThat(sql).filteredOn((statement) -> statement.contains("DROP DEFAULT")).hasSize(2);
		}
		assertFails(() -> insert("shop_author", List.of("name", "nickname"), "Cy", "c"));
		FieldState note = nullable(new FieldType.TextField()).withDefault("n/a");
		edit((editor) -> editor.addField(withRank.withField("note", note), "note", note));
		insert("shop_author", List.of("name", "nickname", "rank"), "Cy", "c", 1);
		assertThat(column("shop_author", "note")).containsExactly("n/a", "n/a", null);
	}

	@Test
	void addedForeignKeyIsConstrainedOnceTheEditorCloses() throws Exception {
		edit((editor) -> {
			editor.createModel(author());
			editor.createModel(model("shop", "Book", "title", field(new FieldType.CharField(200))));
		});
		List<String> sql = edit((editor) -> {
			editor.setProjectState(authorsAndBooks());
			editor.addField(book(), "author", nullable(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE)));
			if (editor.vendor() == Vendor.SQLITE) {
				// SQLite declares foreign keys in the column, as Django's sql_create_column_inline_fk
				assertThat(editor.collectedSql()).last().asString().contains("REFERENCES \"shop_author\" (\"id\")");
			}
			else {
				assertThat(editor.deferredSql()).anyMatch((statement) -> statement.contains("FOREIGN KEY"));
			}
		});
		assertThat(sql.get(0)).startsWith("ALTER TABLE " + q("shop_book") + " ADD COLUMN " + q("author_id") + " bigint NULL");
		insert("shop_book", List.of("title"), "No author");
		assertFails(() -> insert("shop_book", List.of("title", "author_id"), "Orphan", 5L));
	}

	@Test
	void alterFieldChangesNullabilityAndFillsNullsFromDefault() throws Exception {
		edit((editor) -> editor.createModel(author()));
		FieldState notNull = field(new FieldType.CharField(100));
		FieldState withNull = nullable(new FieldType.CharField(100));
		edit((editor) -> editor.alterField(author(), "name", notNull, "name", withNull));
		insert("shop_author", List.of("name"), (Object) null);
		insert("shop_author", List.of("name"), "Bob");
		edit((editor) -> editor.alterField(author(), "name", withNull, "name", notNull.withDefault("anonymous")));
		assertThat(column("shop_author", "name")).containsExactly("anonymous", "Bob");
		assertFails(() -> insert("shop_author", List.of("name"), (Object) null));
	}

	@Test
	void alterFieldChangesType() throws Exception {
		ModelState model = model("shop", "Counter", "label", field(new FieldType.CharField(5)), "hits",
				field(new FieldType.IntegerField()));
		edit((editor) -> editor.createModel(model));
		insert("shop_counter", List.of("label", "hits"), "abc", 5);
		edit((editor) -> {
			editor.alterField(model, "label", field(new FieldType.CharField(5)), "label",
					field(new FieldType.CharField(50)));
			editor.alterField(model, "hits", field(new FieldType.IntegerField()), "hits",
					field(new FieldType.BigIntegerField()));
		});
		insert("shop_counter", List.of("label", "hits"), "a label longer than five", 9_000_000_000L);
		assertThat(column("shop_counter", "hits")).map((value) -> ((Number) value).longValue())
			.containsExactly(5L, 9_000_000_000L);
	}

	@Test
	void renamingAColumnKeepsItsData() throws Exception {
		edit((editor) -> editor.createModel(author()));
		insert("shop_author", List.of("name"), "Ann");
		FieldState name = field(new FieldType.CharField(100));
		edit((editor) -> editor.alterField(author(), "name", name, "full_name", name));
		assertThat(Introspector.hasColumn(this.connection, "shop_author", "name")).isFalse();
		assertThat(column("shop_author", "full_name")).containsExactly("Ann");
	}

	@Test
	void uniqueIsAddedAndDropped() throws Exception {
		FieldState plain = field(new FieldType.CharField(100));
		FieldState unique = plain.withUnique(true);
		ModelState model = model("shop", "Tag", "slug", unique, "label", plain);
		edit((editor) -> editor.createModel(model));
		insert("shop_tag", List.of("slug", "label"), "a", "x");
		assertFails(() -> insert("shop_tag", List.of("slug", "label"), "a", "y"));
		ModelState slugPlain = model.withField("slug", plain);
		edit((editor) -> {
			editor.alterField(slugPlain, "slug", unique, "slug", plain);
			editor.alterField(slugPlain.withField("label", unique), "label", plain, "label", unique);
		});
		insert("shop_tag", List.of("slug", "label"), "a", "y");
		assertFails(() -> insert("shop_tag", List.of("slug", "label"), "b", "y"));
		assertThat(Introspector.uniqueConstraintNames(this.connection, "shop_tag", "label")).hasSize(1);
		assertThat(Introspector.uniqueConstraintNames(this.connection, "shop_tag", "slug")).isEmpty();
	}

	@Test
	void dbIndexIsAddedAndDroppedWithDjangosName() throws Exception {
		FieldState plain = field(new FieldType.CharField(100));
		edit((editor) -> editor.createModel(author()));
		edit((editor) -> editor.alterField(author(), "name", plain, "name", plain.withDbIndex(true)));
		assertThat(Introspector.indexNames(this.connection, "shop_author", "name")).map(String::toLowerCase)
			.containsExactly(IndexNames.create("shop_author", List.of("name"), "", 63));
		edit((editor) -> editor.alterField(author(), "name", plain.withDbIndex(true), "name", plain));
		assertThat(Introspector.indexNames(this.connection, "shop_author", "name")).isEmpty();
	}

	@Test
	void foreignKeyIsDroppedAndAddedByAlterField() throws Exception {
		edit((editor) -> {
			editor.setProjectState(authorsAndBooks());
			editor.createModel(author());
			editor.createModel(book());
		});
		FieldState fk = book().field("author");
		FieldState plain = field(new FieldType.BigIntegerField()).withDbColumn("author_id");
		edit((editor) -> editor.alterField(book(), "author", fk, "author", plain));
		insert("shop_book", List.of("title", "author_id"), "Orphan", 99L);
		execute("DELETE FROM " + q("shop_book"));
		edit((editor) -> {
			editor.setProjectState(authorsAndBooks());
			editor.alterField(book(), "author", plain, "author", fk);
		});
		assertFails(() -> insert("shop_book", List.of("title", "author_id"), "Orphan", 99L));
	}

	@Test
	void removeFieldDropsTheColumnAndItsForeignKey() throws Exception {
		edit((editor) -> {
			editor.setProjectState(authorsAndBooks());
			editor.createModel(author());
			editor.createModel(book());
		});
		edit((editor) -> {
			editor.removeField(book(), "author", book().field("author"));
			editor.removeField(book(), "title", book().field("title"));
		});
		assertThat(Introspector.columnNames(this.connection, "shop_book")).map(String::toLowerCase)
			.containsExactly("id");
		edit((editor) -> editor.deleteModel(author()));
		assertThat(Introspector.hasTable(this.connection, "shop_author")).isFalse();
	}

	@Test
	void deleteModelDropsTheTable() throws Exception {
		edit((editor) -> editor.createModel(author()));
		assertThat(Introspector.hasTable(this.connection, "shop_author")).isTrue();
		edit((editor) -> editor.deleteModel(author()));
		assertThat(Introspector.hasTable(this.connection, "shop_author")).isFalse();
	}

	@Test
	void alterDbTableRenamesTheTableAndKeepsRows() throws Exception {
		edit((editor) -> editor.createModel(author()));
		insert("shop_author", List.of("name"), "Ann");
		edit((editor) -> editor.alterDbTable(author(), "shop_author", "shop_writer"));
		assertThat(Introspector.hasTable(this.connection, "shop_author")).isFalse();
		assertThat(column("shop_writer", "name")).containsExactly("Ann");
	}

	@Test
	void reservedWordsWorkAsTableAndColumnNames() throws Exception {
		ModelState order = new ModelState("shop", "Order", model("shop", "Order", "select",
				field(new FieldType.CharField(10)), "from", field(new FieldType.IntegerField()).withDbIndex(true))
			.fields(), "order");
		edit((editor) -> editor.createModel(order));
		insert("order", List.of("select", "from"), "a", 1);
		ModelState withWhere = order.withField("where", field(new FieldType.BooleanField()).withDefault("false"));
		ModelState grouped = withWhere.withFieldRenamed("select", "group");
		edit((editor) -> {
			editor.addField(withWhere, "where", withWhere.field("where"));
			editor.alterField(grouped, "select", order.field("select"), "group", order.field("select"));
			editor.alterField(grouped.withField("from", order.field("from").withDbIndex(false)), "from",
					order.field("from"), "from", order.field("from").withDbIndex(false));
		});
		assertThat(column("order", "group")).containsExactly("a");
		assertThat(Introspector.columnNames(this.connection, "order")).map(String::toLowerCase)
			.containsExactlyInAnyOrder("id", "group", "from", "where");
		edit((editor) -> editor.deleteModel(order));
		assertThat(Introspector.hasTable(this.connection, "order")).isFalse();
	}

	@Test
	void collectOnlyModeExecutesNothing() {
		BaseSchemaEditor editor = SchemaEditors.create(this.connection, true);
		editor.setProjectState(authorsAndBooks());
		editor.createModel(author());
		editor.createModel(book());
		assertThat(editor.deferredSql()).isNotEmpty();
		editor.addField(author(), "rank", field(new FieldType.IntegerField()).withDefault("1"));
		editor.close();
		assertThat(editor.collectedSql()).hasSizeGreaterThanOrEqualTo(5);
		assertThat(editor.collectedSql().get(0)).startsWith("CREATE TABLE " + q("shop_author"));
		assertThat(editor.collectedSql()).anyMatch((sql) -> sql.contains("FOREIGN KEY") || sql.contains(" REFERENCES "));
		assertThat(editor.deferredSql()).isEmpty();
		assertThat(Introspector.tableNames(this.connection)).isEmpty();
	}

	@Test
	void failingStatementNamesTheStatement() {
		BaseSchemaEditor editor = SchemaEditors.create(this.connection, false);
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(() -> editor.execute("DROP TABLE nothing_here"))
			.withMessageStartingWith("Failed to execute statement: DROP TABLE nothing_here\n")
			.satisfies((ex) -> assertThat(ex.sql()).isEqualTo("DROP TABLE nothing_here"));
	}

	@Test
	void selfReferencingForeignKeyNeedsNoProjectState() throws Exception {
		ModelState category = model("shop", "Category", "parent",
				nullable(new FieldType.ForeignKey("shop.category", OnDelete.CASCADE)));
		edit((editor) -> editor.createModel(category));
		insert("shop_category", List.of("parent_id"), (Object) null);
		insert("shop_category", List.of("parent_id"), 1L);
		assertFails(() -> insert("shop_category", List.of("parent_id"), 42L));
	}

	// ---- helpers ------------------------------------------------------------------------

	@Override
	public Connection connection() {
		return this.connection;
	}

	private Instant readInstant(String table, String column) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT " + q(column) + " FROM " + q(table));
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getTimestamp(1).toInstant();
		}
	}

}
