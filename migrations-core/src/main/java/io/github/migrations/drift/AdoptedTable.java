package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.migrations.operation.CreateModel;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * The {@code CreateModel} that adopts a table no model describes: a field per column (type,
 * nullability, database default, comment; the primary key column as the primary key; a unique
 * column as {@code unique}), its indexes, unique constraints and named checks. Its foreign key
 * columns are plain fields here; once the model exists, {@link DriftAdoption} makes them relations
 * ({@link AdoptedForeignKey}) where their target is a model. The model is named after the table
 * without the app's prefix, in camel case ({@code shop_price_history} in {@code shop}:
 * {@code PriceHistory}), with the table given where the name would not give it.
 */
final class AdoptedTable {

	private final LiveSchema live;

	private final BaseSchemaEditor editor;

	AdoptedTable(LiveSchema live, BaseSchemaEditor editor) {
		this.live = live;
		this.editor = editor;
	}

	Adopted create(ProjectState state, String app, String tableName) {
		LiveSchema.Table table = Objects.requireNonNull(this.live.tables().get(tableName));
		if (table.primaryKey().size() != 1) {
			return Adopted.not("a model needs a primary key of one column; the table has "
					+ (table.primaryKey().isEmpty() ? "none" : String.join(", ", table.primaryKey())));
		}
		String stored = DriftAdoption.name(table.name());
		String name = modelName(app, stored);
		if (state.models().values().stream().anyMatch((model) -> model.app().equals(app)
				&& model.name().equalsIgnoreCase(name))) {
			return Adopted.not("app " + app + " already has a model " + name);
		}
		String dbTable = (app + "_" + name.toLowerCase(Locale.ROOT)).equals(stored.toLowerCase(Locale.ROOT)) ? null
				: stored;
		ModelState empty = new ModelState(app, name, Map.of(), dbTable);
		Map<String, FieldState> fields = new LinkedHashMap<>();
		for (LiveSchema.Column column : table.columns()) {
			AdoptedColumn.AdoptedField field = AdoptedColumn.field(this.editor, this.live.vendor(), empty, column);
			if (field.field() == null) {
				return Adopted.not(field.reason() + " (column " + column.name() + ")");
			}
			boolean key = column.name().equalsIgnoreCase(table.primaryKey().get(0));
			fields.put(DriftAdoption.name(column.name()), key ? field.field().withPrimaryKey(true).withNullable(false)
					: field.field());
		}
		ModelState model = new ModelState(app, name, fields, dbTable);
		List<IndexState> indexes = new ArrayList<>();
		List<ConstraintState> constraints = new ArrayList<>();
		for (LiveSchema.Index index : table.indexes()) {
			List<String> names = StateColumns.fields(model, index.columns());
			if (names == null || sameColumns(index.columns(), table.primaryKey()) || backsForeignKey(table, index)) {
				continue;
			}
			if (index.unique() && names.size() == 1 && index.condition() == null) {
				fields.put(names.get(0), fields.get(names.get(0)).withUnique(true));
			}
			else if (index.unique()) {
				constraints.add(new ConstraintState.Unique(DriftAdoption.name(index.name()), names, index.condition()));
			}
			else {
				indexes.add(new IndexState(DriftAdoption.name(index.name()), names, index.condition()));
			}
		}
		for (LiveSchema.Check check : table.checks()) {
			if (check.expression() != null && !check.name().startsWith("CHECK (")) {
				constraints.add(new ConstraintState.Check(DriftAdoption.name(check.name()), check.expression()));
			}
		}
		return Adopted
			.of(new CreateModel(name, fields, dbTable, indexes, constraints, ModelOptions.NONE));
	}

	/**
	 * MariaDB and H2 index a foreign key by themselves; that index is not the model's.
	 */
	private boolean backsForeignKey(LiveSchema.Table table, LiveSchema.Index index) {
		return this.live.vendor() != Vendor.POSTGRESQL && this.live.vendor() != Vendor.SQLITE && !index.unique()
				&& table.foreignKeys().stream().anyMatch((key) -> sameColumns(List.of(key.column()), index.columns()));
	}

	private static boolean sameColumns(List<String> left, List<String> right) {
		return left.stream().map((c) -> c.toLowerCase(Locale.ROOT)).toList()
			.equals(right.stream().map((c) -> c.toLowerCase(Locale.ROOT)).toList());
	}

	/**
	 * Return the model name of a table: without the app's prefix, in camel case.
	 */
	static String modelName(String app, String table) {
		String base = table.toLowerCase(Locale.ROOT);
		if (base.startsWith(app.toLowerCase(Locale.ROOT) + "_") && base.length() > app.length() + 1) {
			base = base.substring(app.length() + 1);
		}
		StringBuilder name = new StringBuilder();
		for (String part : base.split("_")) {
			if (!part.isEmpty()) {
				name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return name.toString();
	}

}
