package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every column type and database default the editor writes for the field types without a column
 * check, read back from the real database, maps back to a field whose column the editor writes
 * the same way (but a new column's decimal on SQLite).
 */
class LiveFieldsTests {

	private static final List<FieldType> TYPES = List.of(new FieldType.CharField(120), new FieldType.TextField(),
			new FieldType.SlugField(50), new FieldType.EmailField(254), new FieldType.URLField(200),
			new FieldType.SmallIntegerField(), new FieldType.IntegerField(), new FieldType.BigIntegerField(),
			new FieldType.FloatField(), new FieldType.DecimalField(12, 3), new FieldType.BooleanField(),
			new FieldType.DateField(), new FieldType.DateTimeField(), new FieldType.TimeField(),
			new FieldType.DurationField(), new FieldType.UUIDField(), new FieldType.BinaryField(null),
			new FieldType.JSONField());

	private static final Map<String, String> DEFAULTS = Map.of("char", "DRAFT", "integer", "-3", "big", "7",
			"decimal", "1.50", "boolean", "true", "date", "now", "stamp", "now", "ratio", "1.5");

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void everyColumnTypeAndDefaultOfTheVocabularyMapsBack(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			Map<String, FieldState> fields = new LinkedHashMap<>();
			fields.put("id", FieldState.of(new FieldType.BigAutoField()));
			for (int i = 0; i < TYPES.size(); i++) {
				fields.put("f" + i, FieldState.of(TYPES.get(i)).withNullable(true));
			}
			fields.put("char", FieldState.of(new FieldType.CharField(10)).withDbDefault(DEFAULTS.get("char")));
			fields.put("integer", FieldState.of(new FieldType.IntegerField()).withDbDefault(DEFAULTS.get("integer")));
			fields.put("big", FieldState.of(new FieldType.BigIntegerField()).withDbDefault(DEFAULTS.get("big")));
			fields.put("decimal", FieldState.of(new FieldType.DecimalField(10, 2)).withDbDefault(DEFAULTS.get("decimal")));
			fields.put("boolean", FieldState.of(new FieldType.BooleanField()).withDbDefault(DEFAULTS.get("boolean")));
			fields.put("date", FieldState.of(new FieldType.DateField()).withDbDefault(DEFAULTS.get("date")));
			fields.put("stamp", FieldState.of(new FieldType.DateTimeField()).withDbDefault(DEFAULTS.get("stamp")));
			fields.put("ratio", FieldState.of(new FieldType.FloatField()).withDbDefault(DEFAULTS.get("ratio")));
			ModelState model = new ModelState("adopt", "Everything", fields, null);
			try (BaseSchemaEditor editor = SchemaEditors.create(connection, false)) {
				editor.setProjectState(ProjectState.of(List.of(model)));
				editor.createModel(model);
			}
			LiveSchema.Table table = LiveSchema.read(connection).tables().values().iterator().next();
			BaseSchemaEditor editor = SchemaEditors.create(connection, true);
			List<String> unmapped = new ArrayList<>();
			for (LiveSchema.Column column : table.columns()) {
				FieldType type = LiveFields.fieldType(editor, column.type(), null);
				if (type == null || !Spellings.type(vendor, editor.columnType(model, FieldState.of(type)))
					.equals(Spellings.type(vendor, column.type()))) {
					unmapped.add(column.name() + " " + column.type());
					continue;
				}
				String name = column.name().toLowerCase(java.util.Locale.ROOT);
				if (DEFAULTS.containsKey(name)) {
					String dbDefault = LiveFields.dbDefault(editor, model, FieldState.of(type),
							java.util.Objects.requireNonNull(column.defaultValue()));
					assertThat(dbDefault).as(column.name() + " " + column.defaultValue()).isEqualTo(DEFAULTS.get(name));
				}
			}
			// SQLite declares a decimal without its digits: only a field that is a DecimalField already maps
			assertThat(unmapped)
				.isEqualTo((vendor == Vendor.SQLITE) ? List.of("f9 decimal", "decimal decimal") : List.of());
		}
	}

}
