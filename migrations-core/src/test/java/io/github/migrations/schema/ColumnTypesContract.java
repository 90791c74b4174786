package io.github.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static io.github.migrations.schema.SchemaTestModels.nullable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract: every field type has a column that stores its values; positive integers reject
 * negative values; auto fields work as custom primary keys; database defaults and comments are
 * kept in the schema; a one-to-one field is a unique foreign key. Each operation forwards and
 * backwards.
 */
interface ColumnTypesContract extends SchemaEditorContract {

	@Test
	default void everyFieldTypeGetsAColumnThatStoresItsValues() throws Exception {
		ModelState gadget = model(APP, "Gadget", "slug", field(new FieldType.SlugField(50)), "email",
				field(new FieldType.EmailField(254)), "url", field(new FieldType.URLField(200)), "small",
				field(new FieldType.SmallIntegerField()), "positive", field(new FieldType.PositiveIntegerField()),
				"positive_small", field(new FieldType.PositiveSmallIntegerField()), "positive_big",
				field(new FieldType.PositiveBigIntegerField()), "ratio", field(new FieldType.FloatField()), "opens",
				field(new FieldType.TimeField()), "lasts", field(new FieldType.DurationField()), "uuid",
				field(new FieldType.UUIDField()), "data", field(new FieldType.BinaryField(null)), "short_data",
				nullable(new FieldType.BinaryField(16)), "document", field(new FieldType.JSONField()));
		CreateModel create = CreateModel.of(gadget);
		ProjectState after = forwards(ProjectState.empty(), create);
		assertThat(Introspector.columnNames(connection(), "shop_gadget")).map(String::toLowerCase)
			.containsExactly("id", "slug", "email", "url", "small", "positive", "positive_small", "positive_big",
					"ratio", "opens", "lasts", "uuid", "data", "short_data", "document");
		BaseSchemaEditor editor = inspector();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("slug", "a-slug");
		values.put("email", "ann@example.com");
		values.put("url", "https://example.com/");
		values.put("small", "-32768");
		values.put("positive", "2147483647");
		values.put("positive_small", "32767");
		values.put("positive_big", "9223372036854775807");
		values.put("ratio", "1.5");
		values.put("opens", "10:15:30.123456");
		values.put("lasts", "PT26H3M4.000005S");
		values.put("uuid", "123e4567-e89b-12d3-a456-426614174000");
		values.put("data", "bytes\u00e9");
		values.put("document", "{\"a\": [1, 2]}");
		List<String> literals = values.entrySet()
			.stream()
			.map((entry) -> editor.quoteValue(gadget.field(entry.getKey()).type(), entry.getValue()))
			.toList();
		execute("INSERT INTO " + q("shop_gadget") + " ("
				+ String.join(", ", values.keySet().stream().map(this::q).toList()) + ") VALUES ("
				+ String.join(", ", literals) + ")");
		List<Object> row = query("SELECT " + String.join(", ", values.keySet().stream().map(this::q).toList())
				+ " FROM " + q("shop_gadget")).get(0);
		assertThat(row.get(0)).isEqualTo("a-slug");
		assertThat(row.get(1)).isEqualTo("ann@example.com");
		assertThat(row.get(2)).isEqualTo("https://example.com/");
		assertThat(((Number) row.get(3)).intValue()).isEqualTo(-32768);
		assertThat(((Number) row.get(4)).longValue()).isEqualTo(2147483647L);
		assertThat(((Number) row.get(5)).intValue()).isEqualTo(32767);
		assertThat(row.get(6).toString()).isEqualTo("9223372036854775807");
		assertThat(((Number) row.get(7)).doubleValue()).isEqualTo(1.5);
		assertThat(row.get(8).toString()).startsWith("10:15:30");
		assertThat(row.get(10).toString().replace("-", "")).isEqualToIgnoringCase("123e4567e89b12d3a456426614174000");
		assertThat(query("SELECT " + q("data") + " FROM " + q("shop_gadget")).get(0).get(0))
			.isInstanceOf(byte[].class)
			.isEqualTo("bytes\u00e9".getBytes(StandardCharsets.UTF_8));
		Object document = row.get(12);
		String json = (document instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
				: document.toString();
		assertThat(json).contains("\"a\"").contains("2");
		List<String> sql = backwards(ProjectState.empty(), create);
		assertThat(sql).hasSize(1);
		assertThat(Introspector.hasTable(connection(), "shop_gadget")).isFalse();
		assertThat(after.models()).hasSize(1);
	}

	@Test
	default void positiveIntegersRejectNegativeValues() throws Exception {
		ModelState counter = model(APP, "Counter", "hits", field(new FieldType.PositiveIntegerField()), "small",
				field(new FieldType.PositiveSmallIntegerField()), "big", field(new FieldType.PositiveBigIntegerField()));
		forwards(ProjectState.empty(), CreateModel.of(counter));
		insert("shop_counter", List.of("hits", "small", "big"), 0, 0, 0L);
		assertFails(() -> insert("shop_counter", List.of("hits", "small", "big"), -1, 0, 0L));
		assertFails(() -> insert("shop_counter", List.of("hits", "small", "big"), 0, -1, 0L));
		assertFails(() -> insert("shop_counter", List.of("hits", "small", "big"), 0, 0, -1L));
	}

	@Test
	default void alteringAFieldToAndFromAPositiveIntegerAddsAndDropsItsCheck() throws Exception {
		ProjectState state = forwards(ProjectState.empty(),
				CreateModel.of(model(APP, "Counter", "hits", field(new FieldType.IntegerField()))));
		AlterField positive = new AlterField("Counter", "hits", field(new FieldType.PositiveIntegerField()), true);
		ProjectState after = forwards(state, positive);
		assertFails(() -> insert("shop_counter", List.of("hits"), -1));
		AlterField nullable = new AlterField("Counter", "hits", nullable(new FieldType.PositiveIntegerField()), true);
		RenameField rename = new RenameField("Counter", "hits", "visits");
		forwards(after, nullable, rename);
		insert("shop_counter", List.of("visits"), (Object) null);
		assertFails(() -> insert("shop_counter", List.of("visits"), -1));
		execute("DELETE FROM " + q("shop_counter"));
		backwards(after, nullable, rename);
		backwards(state, positive);
		insert("shop_counter", List.of("hits"), -1);
		assertThat(column("shop_counter", "hits")).map((value) -> ((Number) value).intValue()).containsExactly(-1);
	}

	@Test
	default void autoFieldsAreCustomPrimaryKeysThatForeignKeysReference() throws Exception {
		Map<String, FieldState> ticketFields = new LinkedHashMap<>();
		ticketFields.put("number", FieldState.of(new FieldType.AutoField()));
		ticketFields.put("title", field(new FieldType.CharField(20)));
		ModelState ticket = new ModelState(APP, "Ticket", ticketFields, null);
		Map<String, FieldState> tagFields = new LinkedHashMap<>();
		tagFields.put("code", FieldState.of(new FieldType.SmallAutoField()));
		ModelState tag = new ModelState(APP, "Tag", tagFields, null);
		ModelState note = model(APP, "Note", "ticket", field(new FieldType.ForeignKey("shop.ticket", OnDelete.CASCADE)),
				"tag", nullable(new FieldType.ForeignKey("shop.tag", OnDelete.CASCADE)));
		CreateModel[] creates = { CreateModel.of(ticket), CreateModel.of(tag), CreateModel.of(note) };
		forwards(ProjectState.empty(), creates);
		insert("shop_ticket", List.of("title"), "first");
		insert("shop_ticket", List.of("title"), "second");
		assertThat(query("SELECT " + q("number") + " FROM " + q("shop_ticket") + " ORDER BY " + q("number")))
			.map((row) -> ((Number) row.get(0)).intValue())
			.containsExactly(1, 2);
		execute("INSERT INTO " + q("shop_tag") + " DEFAULT VALUES".replace(" DEFAULT VALUES",
				(inspector().vendor() == io.github.migrations.schema.Vendor.MARIADB
						|| inspector().vendor() == io.github.migrations.schema.Vendor.MYSQL) ? " () VALUES ()"
								: " DEFAULT VALUES"));
		insert("shop_note", List.of("ticket_id", "tag_id"), 2, 1);
		assertFails(() -> insert("shop_note", List.of("ticket_id"), 3));
		if (inspector().vendor() == Vendor.SQLITE) {
			// the SQLite driver reports every integer column as INTEGER; the declared types tell
			assertThat(Introspector.column(connection(), "shop_note", "ticket_id").orElseThrow().typeName())
				.isEqualToIgnoringCase("integer");
			assertThat(Introspector.column(connection(), "shop_note", "tag_id").orElseThrow().typeName())
				.isEqualToIgnoringCase("smallint");
		}
		else {
			assertThat(Introspector.column(connection(), "shop_note", "ticket_id").orElseThrow().jdbcType())
				.isEqualTo(Types.INTEGER);
			assertThat(Introspector.column(connection(), "shop_note", "tag_id").orElseThrow().jdbcType())
				.isEqualTo(Types.SMALLINT);
		}
		backwards(ProjectState.empty(), creates);
		assertThat(Introspector.tableNames(connection())).isEmpty();
	}

	@Test
	default void databaseDefaultsStayInTheSchema() throws Exception {
		ModelState item = model(APP, "Item", "name", field(new FieldType.CharField(20)), "stock",
				field(new FieldType.IntegerField()).withDbDefault("5"), "label",
				field(new FieldType.CharField(20)).withDbDefault("it's"), "created",
				field(new FieldType.DateTimeField()).withDbDefault("now"), "day",
				field(new FieldType.DateField()).withDbDefault("now"));
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(item));
		insert("shop_item", List.of("name"), "a");
		List<Object> row = query("SELECT " + q("stock") + ", " + q("label") + ", " + q("created") + ", " + q("day")
				+ " FROM " + q("shop_item")).get(0);
		assertThat(((Number) row.get(0)).intValue()).isEqualTo(5);
		assertThat(row.get(1)).isEqualTo("it's");
		assertThat(row.get(2)).isNotNull();
		assertThat(row.get(3)).isNotNull();
		AddField add = new AddField("Item", "rank", field(new FieldType.SmallIntegerField()).withDbDefault("3"), true);
		AlterField alter = new AlterField("Item", "stock", field(new FieldType.IntegerField()).withDbDefault("6"), true);
		AlterField drop = new AlterField("Item", "label", field(new FieldType.CharField(20)), true);
		forwards(state, add, alter, drop);
		assertThat(column("shop_item", "rank")).map((value) -> ((Number) value).intValue()).containsExactly(3);
		insert("shop_item", List.of("name", "label"), "b", "x");
		assertThat(column("shop_item", "rank")).map((value) -> ((Number) value).intValue()).containsExactly(3, 3);
		assertThat(column("shop_item", "stock")).map((value) -> ((Number) value).intValue()).containsExactly(5, 6);
		assertFails(() -> insert("shop_item", List.of("name"), "c"));
		backwards(state, add, alter, drop);
		assertThat(Introspector.hasColumn(connection(), "shop_item", "rank")).isFalse();
		insert("shop_item", List.of("name"), "d");
		assertThat(column("shop_item", "stock")).map((value) -> ((Number) value).intValue()).containsExactly(5, 6, 5);
		assertThat(column("shop_item", "label")).containsExactly("it's", "x", "it's");
	}

	@Test
	default void aDatabaseDefaultFillsNullsWhenAColumnBecomesNotNull() throws Exception {
		ProjectState state = forwards(ProjectState.empty(),
				CreateModel.of(model(APP, "Item", "stock", nullable(new FieldType.IntegerField()))));
		insert("shop_item", List.of("stock"), (Object) null);
		AlterField alter = new AlterField("Item", "stock", field(new FieldType.IntegerField()).withDbDefault("4"), true);
		forwards(state, alter);
		assertThat(column("shop_item", "stock")).map((value) -> ((Number) value).intValue()).containsExactly(4);
		assertFails(() -> insert("shop_item", List.of("stock"), (Object) null));
		backwards(state, alter);
		insert("shop_item", List.of("stock"), (Object) null);
		assertThat(column("shop_item", "stock")).containsExactly(4, null);
	}

	@Test
	default void columnCommentsAreSetChangedAndRemoved() throws Exception {
		ModelState item = model(APP, "Item", "name", field(new FieldType.CharField(20)).withDbComment("the name"),
				"stock", field(new FieldType.PositiveIntegerField()).withDbDefault("1").withDbComment("on hand"));
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(item));
		assertThat(comment("shop_item", "name")).isEqualTo(commented("the name"));
		assertThat(comment("shop_item", "stock")).isEqualTo(commented("on hand"));
		AlterField change = new AlterField("Item", "name",
				field(new FieldType.CharField(20)).withDbComment("Ann's name"), true);
		AlterField remove = new AlterField("Item", "stock",
				field(new FieldType.PositiveIntegerField()).withDbDefault("1"), true);
		AddField add = new AddField("Item", "note", nullable(new FieldType.TextField()).withDbComment("free text"),
				true);
		forwards(state, change, remove, add);
		assertThat(comment("shop_item", "name")).isEqualTo(commented("Ann's name"));
		assertThat(comment("shop_item", "stock")).isNullOrEmpty();
		assertThat(comment("shop_item", "note")).isEqualTo(commented("free text"));
		insert("shop_item", List.of("name"), "a");
		assertThat(column("shop_item", "stock")).map((value) -> ((Number) value).intValue()).containsExactly(1);
		assertFails(() -> insert("shop_item", List.of("name", "stock"), "b", -1));
		backwards(state, change, remove, add);
		assertThat(comment("shop_item", "name")).isEqualTo(commented("the name"));
		assertThat(comment("shop_item", "stock")).isEqualTo(commented("on hand"));
		assertFails(() -> insert("shop_item", List.of("name", "stock"), "b", -1));
	}

	@Test
	default void oneToOneIsAUniqueForeignKey() throws Exception {
		ModelState person = model(APP, "Person", "name", field(new FieldType.CharField(20)));
		ModelState passport = model(APP, "Passport", "number", field(new FieldType.CharField(20)));
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(person), CreateModel.of(passport));
		insert("shop_person", List.of("name"), "Ann");
		insert("shop_person", List.of("name"), "Bob");
		AddField add = new AddField("Passport", "holder",
				nullable(new FieldType.OneToOneField("shop.person", OnDelete.CASCADE)), true);
		ProjectState after = forwards(state, add);
		insert("shop_passport", List.of("number", "holder_id"), "P1", 1L);
		assertFails(() -> insert("shop_passport", List.of("number", "holder_id"), "P2", 1L));
		assertFails(() -> insert("shop_passport", List.of("number", "holder_id"), "P3", 9L));
		insert("shop_passport", List.of("number", "holder_id"), "P4", 2L);
		RemoveField remove = new RemoveField("Passport", "holder");
		forwards(after, remove);
		assertThat(Introspector.hasColumn(connection(), "shop_passport", "holder_id")).isFalse();
		backwards(after, remove);
		execute("DELETE FROM " + q("shop_passport"));
		insert("shop_passport", List.of("number", "holder_id"), "P5", 1L);
		assertFails(() -> insert("shop_passport", List.of("number", "holder_id"), "P6", 1L));
		backwards(state, add);
		assertThat(Introspector.hasColumn(connection(), "shop_passport", "holder_id")).isFalse();
	}

	/**
	 * Return a comment as the database keeps it: SQLite has no comments (Django ignores
	 * {@code db_comment} there), so none is read back.
	 */
	private String commented(String comment) {
		return (inspector().vendor() == Vendor.SQLITE) ? null : comment;
	}

	private String comment(String table, String column) {
		return Introspector.column(connection(), table, column).orElseThrow().comment();
	}

}
