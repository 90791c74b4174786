package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.ProjectState;

/**
 * Add a check constraint without checking the rows already in the table, as Django's
 * {@code django.contrib.postgres.operations.AddConstraintNotValid}:
 * {@code ALTER TABLE … ADD CONSTRAINT … CHECK (…) NOT VALID} on PostgreSQL, so only a brief lock is
 * taken and new rows are checked at once; {@link ValidateConstraint}, in a later migration, checks
 * the old rows. Elsewhere the constraint is added as {@link AddConstraint} adds it. The state
 * changes as with {@link AddConstraint}.
 *
 * @param modelName the model name
 * @param constraint the constraint, a check constraint
 * @since 0.1
 */
public record AddConstraintNotValid(String modelName, ConstraintState constraint) implements SafeForm {

	public AddConstraintNotValid {
		if (!(constraint instanceof ConstraintState.Check)) {
			throw new IllegalArgumentException("AddConstraintNotValid.constraint must be a check constraint.");
		}
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.addConstraintNotValid(to.model(app, this.modelName), this.constraint);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		plain().databaseBackwards(app, editor, from, to);
	}

	@Override
	public String describe() {
		return "Create not valid constraint " + this.constraint.name() + " on model " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return plain().migrationNameFragment() + "_not_valid";
	}

	/**
	 * Return the plain {@link AddConstraint} of the same constraint, whose state change,
	 * reversal and reductions this operation shares (Django's subclass inherits them).
	 * @return the plain operation
	 */
	@Override
	public AddConstraint plain() {
		return new AddConstraint(this.modelName, this.constraint);
	}

}
