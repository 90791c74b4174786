package io.github.migrations.autodetect;

import java.util.Locale;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.state.ModelKey;
import org.jspecify.annotations.Nullable;

/**
 * What a generated operation needs to have happened first, as Django's
 * {@code OperationDependency}: a model or field created, removed or altered.
 *
 * @param app the app of the model
 * @param model the model name, lower case
 * @param field the field name, or {@code null} for the model itself
 * @param type what must have happened
 */
record OperationDependency(String app, String model, @Nullable String field, Type type) {

	OperationDependency {
		model = model.toLowerCase(Locale.ROOT);
	}

	static OperationDependency created(ModelKey model) {
		return new OperationDependency(model.app(), model.name(), null, Type.CREATE);
	}

	static OperationDependency created(ModelKey model, String field) {
		return new OperationDependency(model.app(), model.name(), field, Type.CREATE);
	}

	static OperationDependency removed(ModelKey model) {
		return new OperationDependency(model.app(), model.name(), null, Type.REMOVE);
	}

	static OperationDependency removed(ModelKey model, String field) {
		return new OperationDependency(model.app(), model.name(), field, Type.REMOVE);
	}

	static OperationDependency altered(ModelKey model, String field) {
		return new OperationDependency(model.app(), model.name(), field, Type.ALTER);
	}

	/**
	 * Return whether the operation (of this dependency's app) is the one this dependency waits
	 * for, as Django's {@code check_dependency}.
	 * @param operation an operation generated for {@link #app()}
	 * @return {@code true} when it satisfies this dependency
	 */
	boolean isSatisfiedBy(Operation operation) {
		return switch (this.type) {
			case CREATE -> (this.field == null) ? operation instanceof CreateModel create && is(create.name())
					: (operation instanceof CreateModel create && is(create.name())
							&& create.fields().containsKey(this.field))
							|| (operation instanceof AddField add && is(add.modelName())
									&& add.name().equalsIgnoreCase(this.field));
			case REMOVE -> (this.field == null) ? operation instanceof DeleteModel delete && is(delete.name())
					: operation instanceof RemoveField remove && is(remove.modelName())
							&& remove.name().equalsIgnoreCase(this.field);
			case ALTER -> operation instanceof AlterField alter && is(alter.modelName())
					&& alter.name().equalsIgnoreCase(this.field);
		};
	}

	private boolean is(String modelName) {
		return this.model.equals(modelName.toLowerCase(Locale.ROOT));
	}

	/**
	 * What must have happened.
	 */
	enum Type {

		/** The model or field exists. */
		CREATE,

		/** The model or field is gone. */
		REMOVE,

		/** The field was altered. */
		ALTER

	}

}
