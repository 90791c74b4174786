package io.github.migrations.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Add a named constraint (unique or check).
 *
 * @param modelName the model name
 * @param constraint the constraint
 * @since 0.1
 */
public record AddConstraint(String modelName, ConstraintState constraint) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		if (model.constraints().stream().anyMatch((existing) -> existing.name().equals(this.constraint.name()))) {
			throw new IllegalStateException(
					app + "." + this.modelName + " already has a constraint named " + this.constraint.name());
		}
		List<ConstraintState> constraints = new ArrayList<>(model.constraints());
		constraints.add(this.constraint);
		return state.withModel(model.withConstraints(constraints));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.addConstraint(to.model(app, this.modelName), this.constraint);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.removeConstraint(from.model(app, this.modelName), this.constraint);
	}

	@Override
	public String describe() {
		return "Create constraint " + this.constraint.name() + " on model " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return this.modelName.toLowerCase(Locale.ROOT) + "_" + this.constraint.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ADDITION;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		// as Django's IndexOperation: no operation is optimized across a constraint operation
		return true;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof RemoveConstraint remove && Operations.sameName(remove.modelName(), this.modelName)
				&& remove.name().equals(this.constraint.name())) {
			return Reduction.replace();
		}
		return Reduction.BLOCKED;
	}

}
