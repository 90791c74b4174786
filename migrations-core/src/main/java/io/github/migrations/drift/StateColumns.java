package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.schema.LiveSchema;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Where a difference's table and columns are in the state and in the live schema: the model of a
 * table, the field of a column (names compared case-insensitively, as the detector does).
 */
final class StateColumns {

	private StateColumns() {
	}

	static @Nullable ModelState model(ProjectState state, String app, String table) {
		return state.models()
			.values()
			.stream()
			.filter((model) -> model.app().equals(app) && model.table().equalsIgnoreCase(table))
			.findFirst()
			.orElse(null);
	}

	static @Nullable ModelState modelOfTable(ProjectState state, String table) {
		return state.models()
			.values()
			.stream()
			.filter((candidate) -> candidate.table().equalsIgnoreCase(table))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Return the field whose column this is, or {@code null}.
	 */
	static @Nullable String field(ModelState model, String column) {
		for (Map.Entry<String, FieldState> entry : model.fields().entrySet()) {
			if (entry.getValue().type().hasColumn() && entry.getValue().column(entry.getKey()).equalsIgnoreCase(column)) {
				return entry.getKey();
			}
		}
		return null;
	}

	/**
	 * Return the fields of columns, or {@code null} when a column is no field's.
	 */
	static @Nullable List<String> fields(ModelState model, List<String> columns) {
		List<String> fields = new ArrayList<>();
		for (String column : columns) {
			String field = field(model, column);
			if (field == null) {
				return null;
			}
			fields.add(field);
		}
		return fields;
	}

	static FieldState withType(FieldState field, FieldType type) {
		return new FieldState(type, field.nullable(), field.defaultValue(), field.unique(), field.dbIndex(),
				field.dbColumn(), field.primaryKey(), field.dbDefault(), field.dbComment(), field.choices());
	}

	static LiveSchema.Table liveTable(LiveSchema live, ModelState model) {
		return live.tables()
			.values()
			.stream()
			.filter((table) -> table.name().equalsIgnoreCase(model.table()))
			.findFirst()
			.orElseThrow();
	}

}
