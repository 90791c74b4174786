package io.github.migrations.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;

/**
 * The automatic join table of a many-to-many field without {@code through} model, named as
 * Django names it: table {@code <model table>_<field>} (shortened with a hash where too long),
 * a {@code BigAutoField} {@code id}, foreign keys {@code <model>_id} and {@code <target>_id}
 * ({@code from_<model>_id} and {@code to_<model>_id} when the field points to its own model), and
 * a unique constraint on the pair.
 */
final class JoinTables {

	private JoinTables() {
	}

	/**
	 * Return the join table as a model the editor can create, drop and alter.
	 * @param editor the editor (for the name length)
	 * @param owner the model holding the field
	 * @param fieldName the field name
	 * @param field the field type
	 * @return the join model
	 */
	static ModelState model(BaseSchemaEditor editor, ModelState owner, String fieldName,
			FieldType.ManyToManyField field) {
		ModelKey target = field.relatedModel();
		String from = owner.name().toLowerCase(Locale.ROOT);
		String to = target.name();
		if (target.equals(owner.key())) {
			from = "from_" + from;
			to = "to_" + to;
		}
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		fields.put(from, FieldState.of(new FieldType.ForeignKey(owner.key().toString(), OnDelete.CASCADE, field.dbConstraint())));
		fields.put(to, FieldState.of(new FieldType.ForeignKey(target.toString(), OnDelete.CASCADE, field.dbConstraint())));
		String table = tableName(owner, fieldName, editor.nameLength());
		ConstraintState unique = new ConstraintState.Unique(
				IndexNames.create(table, List.of(from + "_id", to + "_id"), "_uniq", editor.nameLength()),
				List.of(from, to), null);
		return new ModelState(owner.app(), owner.name() + "_" + fieldName, fields, table, List.of(), List.of(unique),
				io.github.migrations.state.ModelOptions.NONE);
	}

	/**
	 * Return Django's name of the join table: {@code <model table>_<field>}, truncated to the
	 * longest name the database accepts with a 4-character hash, as Django's
	 * {@code truncate_name}.
	 * @param owner the model holding the field
	 * @param fieldName the field name
	 * @param maxLength the longest name
	 * @return the table name
	 */
	static String tableName(ModelState owner, String fieldName, int maxLength) {
		String name = owner.table() + "_" + fieldName;
		if (name.length() <= maxLength) {
			return name;
		}
		return name.substring(0, maxLength - 4) + IndexNames.digest(name).substring(0, 4);
	}

}
