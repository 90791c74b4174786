package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;

/**
 * Check the existing rows against a constraint added with {@link AddConstraintNotValid}, or the
 * foreign key of a field added with {@link AddFieldNotValid} (named by
 * {@link AddFieldNotValid#constraintName}), as
 * Django's {@code django.contrib.postgres.operations.ValidateConstraint}:
 * {@code ALTER TABLE … VALIDATE CONSTRAINT …} on PostgreSQL, which reads the table without
 * blocking writes. Nothing to do elsewhere (the constraint was checked when it was added), and
 * nothing to undo: PostgreSQL cannot make a constraint not valid again. The state does not change.
 *
 * @param modelName the model name
 * @param name the constraint name
 * @since 0.1
 */
public record ValidateConstraint(String modelName, String name) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state;
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.validateConstraint(from.model(app, this.modelName), this.name);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		// PostgreSQL does not provide a way to make a constraint invalid
	}

	@Override
	public String describe() {
		return "Validate constraint " + this.name + " on model " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment(this.modelName, "validate", this.name);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

}
