package io.github.migrations.drift;

import java.util.Objects;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.LiveFields;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.Spellings;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * The field a live column is adopted as: a changed type, a changed database default, an
 * unexpected column ({@link LiveFields} maps the database's spelling back to a field type and a
 * {@code db_default}); or why the vocabulary cannot say it (a type no field has, an expression
 * default) with what to do.
 */
final class AdoptedColumn {

	private final LiveSchema live;

	private final BaseSchemaEditor editor;

	AdoptedColumn(LiveSchema live, BaseSchemaEditor editor) {
		this.live = live;
		this.editor = editor;
	}

	/**
	 * The field of a column, or the reason there is none.
	 *
	 * @param field the field, or {@code null}
	 * @param reason why there is none, or {@code null}
	 * @param withoutDefault the field without the database default that no {@code db_default}
	 * says, or {@code null}
	 */
	record AdoptedField(@Nullable FieldState field, @Nullable String reason, @Nullable FieldState withoutDefault) {

		AdoptedField(@Nullable FieldState field, @Nullable String reason) {
			this(field, reason, null);
		}

	}

	Adopted type(ModelState model, String modelName, Difference.ColumnTypeDiffers difference) {
		String field = StateColumns.field(model, difference.column());
		if (field == null) {
			return Adopted.not(AdoptedOperations.reason(difference));
		}
		FieldState present = model.field(field);
		if (present.type().isRelation()) {
			return Adopted.not("a relation's column takes the type of its target's key: change the target's key");
		}
		FieldType type = LiveFields.fieldType(this.editor, difference.actual(), present.type());
		if (type == null) {
			return Adopted.not("no field type has the column type " + difference.actual() + " on "
					+ this.live.vendor().displayName());
		}
		return Adopted.of(new AlterField(modelName, field, StateColumns.withType(present, type), true));
	}

	Adopted defaultValue(ModelState model, String modelName, Difference.DefaultDiffers difference) {
		String field = StateColumns.field(model, difference.column());
		if (field == null) {
			return Adopted.not(AdoptedOperations.reason(difference));
		}
		FieldState present = model.field(field);
		String actual = difference.actual();
		String dbDefault = (actual != null) ? LiveFields.dbDefault(this.editor, model, present, actual) : null;
		if (actual != null && dbDefault == null) {
			return Adopted.not(notWritable(model, present, difference.column(), actual));
		}
		return Adopted.of(new AlterField(modelName, field, present.withDbDefault(dbDefault), true));
	}

	Adopted unexpected(ModelState model, String modelName, Difference.UnexpectedColumn difference) {
		LiveSchema.Column column = StateColumns.liveTable(this.live, model).column(difference.column());
		if (column == null) {
			return Adopted.not(AdoptedOperations.reason(difference));
		}
		String name = DriftAdoption.name(column.name());
		if (model.fields().containsKey(name)) {
			return Adopted.not("the model already has a field " + name + " (on another column)");
		}
		AdoptedField field = field(this.editor, this.live.vendor(), model, column);
		if (field.field() == null && field.withoutDefault() != null) {
			return Adopted.not(notWritable(model, field.withoutDefault(), column.name(),
					Objects.requireNonNull(column.defaultValue())));
		}
		return (field.field() != null) ? Adopted.of(new AddField(modelName, name, field.field(), true))
				: Adopted.not(Objects.requireNonNull(field.reason()));
	}

	/**
	 * Why a database default is not written as a {@code db_default}, with what to do: the
	 * vocabulary's {@code db_default} holds a value, or {@code now} for dates and times, which each
	 * editor writes one way; an expression ({@code gen_random_uuid()}, {@code nextval(…)}, or a
	 * current time spelled otherwise) has no {@code db_default}.
	 */
	private String notWritable(ModelState model, FieldState field, String column, String actual) {
		String now = LiveFields.nowLiteral(this.editor, model, field);
		boolean sqlite = this.live.vendor() == Vendor.SQLITE;
		String alter = "ALTER TABLE " + model.table() + " ALTER COLUMN " + column;
		if (now != null && LiveFields.isExpression(actual)) {
			return "db_default \"now\" is " + now + " on " + this.live.vendor().displayName() + ", not " + actual
					+ ": give the column that default (" + (sqlite ? "remake the table with DEFAULT " + now
							: alter + " SET DEFAULT " + now)
					+ ") and run drift --write again, or drop the default";
		}
		if (LiveFields.isExpression(actual)) {
			return "db_default holds a value (or now for dates and times), not an expression such as " + actual
					+ ": drop the default (" + (sqlite ? "remake the table without it" : alter + " DROP DEFAULT")
					+ ") and set the value in the application, or keep it and leave this difference";
		}
		return "no db_default of a " + field.type().typeName() + " is written as " + actual;
	}

	/**
	 * Return the field of a column: its type, nullability, database default and comment.
	 */
	static AdoptedField field(BaseSchemaEditor editor, Vendor vendor, ModelState model, LiveSchema.Column column) {
		FieldType type = LiveFields.fieldType(editor, column.type(), null);
		if (type == null) {
			return new AdoptedField(null,
					"no field type has the column type " + column.type() + " on " + vendor.displayName());
		}
		FieldState field = FieldState.of(type).withNullable(column.nullable()).withDbComment(column.comment());
		String liveDefault = column.defaultValue();
		if (liveDefault != null && Spellings.defaultValue(liveDefault) != null) {
			String dbDefault = LiveFields.dbDefault(editor, model, field, liveDefault);
			if (dbDefault == null) {
				return new AdoptedField(null, "no db_default of a " + type.typeName() + " is written as " + liveDefault,
						field);
			}
			field = field.withDbDefault(dbDefault);
		}
		return new AdoptedField(field, null);
	}

}
