package io.github.migrations.operation;

import java.util.List;
import java.util.Objects;

import io.github.migrations.schema.IndexNames;
import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Add a foreign key or one-to-one field to an existing table without checking the rows already
 * there: on PostgreSQL the column is added without its constraint, then the foreign key
 * {@code NOT VALID} (only new and updated rows are checked, the lock is brief) and, when the field
 * gets an index, the index {@code CONCURRENTLY}; {@link ValidateConstraint} of
 * {@link #constraintName}, in a later migration, checks the old rows. Elsewhere the field is added
 * as {@link AddField} adds it. The state changes as with {@link AddField}. The concurrent build
 * cannot run in a transaction, so the migration holding it must say {@code atomic: false}. Django
 * has no such operation (its documentation gives the recipe with {@code RunSQL}).
 *
 * @param modelName the model name
 * @param name the field name
 * @param field the field, a relation stored in a column
 * @param preserveDefault as for {@link AddField}
 * @since 0.1
 */
public record AddFieldNotValid(String modelName, String name, FieldState field, boolean preserveDefault)
		implements SafeForm {

	/** The longest name PostgreSQL accepts, the only database that validates constraints later. */
	private static final int POSTGRESQL_NAME_LENGTH = 63;

	public AddFieldNotValid {
		if (field.type().relatedModel() == null || !field.type().hasColumn()) {
			throw new IllegalArgumentException(
					"AddFieldNotValid.field must be a foreign key or a one-to-one field, not " + field.type());
		}
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		Operations.ensureNotInTransaction(this, editor);
		editor.addFieldNotValid(to.model(app, this.modelName), this.name, this.field);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		plain().databaseBackwards(app, editor, from, to);
	}

	@Override
	public boolean needsNonAtomicMigration() {
		return true;
	}

	@Override
	public String describe() {
		return plain().describe() + " with a not valid foreign key";
	}

	@Override
	public String migrationNameFragment() {
		return plain().migrationNameFragment() + "_not_valid";
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		Reduction reduction = plain().reduce(other, app);
		if (!(reduction instanceof Reduction.Replace replace)) {
			return reduction;
		}
		if (replace.operations().isEmpty()) {
			return reduction;
		}
		// an altered or renamed field stays not valid while its constraint keeps its column and target,
		// so the ValidateConstraint that follows still names it
		if (replace.operations().size() == 1 && replace.operations().get(0) instanceof AddField add
				&& add.modelName().equals(this.modelName) && add.name().equals(this.name)
				&& Objects.equals(add.field().type().relatedModel(), this.field.type().relatedModel())
				&& add.field().type().hasColumn() && add.field().column(add.name()).equals(this.field.column(this.name))) {
			return Reduction.replace(new AddFieldNotValid(add.modelName(), add.name(), add.field(), add.preserveDefault()));
		}
		return Reduction.BLOCKED;
	}

	/**
	 * Return the name the schema editor gives the foreign key on PostgreSQL (Django's
	 * {@code <table>_<column>_<digest>_fk_<target table>_<target column>}), which the
	 * {@link ValidateConstraint} that follows names.
	 * @param app the app label of the migration
	 * @param state the project state with the model and its target (before or after this operation)
	 * @return the constraint name
	 */
	public String constraintName(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		ModelState target = state.find(Objects.requireNonNull(this.field.type().relatedModel()));
		if (target == null) {
			throw new IllegalStateException("The target of " + app + "." + this.modelName + "." + this.name
					+ " is not in the state: " + this.field.type().relatedModel());
		}
		String pk = target.primaryKeyName();
		return IndexNames.create(model.table(), List.of(this.field.column(this.name)),
				"_fk_" + target.table() + "_" + target.field(pk).column(pk), POSTGRESQL_NAME_LENGTH);
	}

	@Override
	public AddField plain() {
		return new AddField(this.modelName, this.name, this.field, this.preserveDefault);
	}

}
