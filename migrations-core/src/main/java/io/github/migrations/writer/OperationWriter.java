package io.github.migrations.writer;

import java.util.List;
import java.util.Map;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelOptions;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.RunJava;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SafeForm;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;

/**
 * Renders one operation as a YAML list item, {@code - OperationName:} followed by its arguments
 * with Django's names, in Django's argument order (Django's {@code OperationWriter}).
 */
final class OperationWriter {

	private final StringBuilder out;

	private final String indent;

	private OperationWriter(StringBuilder out, int column) {
		this.out = out;
		this.indent = " ".repeat(column + 4);
	}

	/**
	 * Append an operation as a list item whose dash is at the given column.
	 * @param out where to write
	 * @param operation the operation
	 * @param column the column of the {@code -}
	 */
	static void write(StringBuilder out, Operation operation, int column) {
		String name = operation.getClass().getSimpleName();
		out.append(" ".repeat(column)).append("- ").append(name).append(":\n");
		new OperationWriter(out, column).arguments(operation);
	}

	private void arguments(Operation operation) {
		if (operation instanceof CreateModel createModel) {
			createModel(createModel);
		}
		else if (operation instanceof DeleteModel deleteModel) {
			argument("name", deleteModel.name());
		}
		else if (operation instanceof RenameModel renameModel) {
			argument("old_name", renameModel.oldName());
			argument("new_name", renameModel.newName());
		}
		else if (operation instanceof AlterModelTable alterModelTable) {
			argument("name", alterModelTable.name());
			raw("table", (alterModelTable.table() != null) ? YamlScalars.string(alterModelTable.table()) : "null");
		}
		else if (operation instanceof AlterModelOptions alterModelOptions) {
			argument("name", alterModelOptions.name());
			raw("options", ValueWriter.options(alterModelOptions.options()));
		}
		else if (operation instanceof AddField addField) {
			field(addField.modelName(), addField.name(), addField.field(), addField.preserveDefault());
		}
		else if (operation instanceof RemoveField removeField) {
			argument("model_name", removeField.modelName());
			argument("name", removeField.name());
		}
		else if (operation instanceof AlterField alterField) {
			field(alterField.modelName(), alterField.name(), alterField.field(), alterField.preserveDefault());
		}
		else if (operation instanceof RenameField renameField) {
			argument("model_name", renameField.modelName());
			argument("old_name", renameField.oldName());
			argument("new_name", renameField.newName());
		}
		else if (operation instanceof AddIndex addIndex) {
			argument("model_name", addIndex.modelName());
			raw("index", ValueWriter.index(addIndex.index()));
		}
		else if (operation instanceof RemoveIndex removeIndex) {
			argument("model_name", removeIndex.modelName());
			argument("name", removeIndex.name());
		}
		else if (operation instanceof RenameIndex renameIndex) {
			argument("model_name", renameIndex.modelName());
			argument("new_name", renameIndex.newName());
			argument("old_name", renameIndex.oldName());
		}
		else if (operation instanceof AddConstraint addConstraint) {
			argument("model_name", addConstraint.modelName());
			raw("constraint", ValueWriter.constraint(addConstraint.constraint()));
		}
		else if (operation instanceof RemoveConstraint removeConstraint) {
			argument("model_name", removeConstraint.modelName());
			argument("name", removeConstraint.name());
		}
		else if (operation instanceof SafeForm safe) {
			// the arguments of the operation it extends in Django
			arguments(safe.plain());
		}
		else if (operation instanceof ValidateConstraint validate) {
			arguments(new RemoveConstraint(validate.modelName(), validate.name()));
		}
		else if (operation instanceof RunSql runSql) {
			statements("sql", runSql.sql());
			if (runSql.reverseSql() != null) {
				statements("reverse_sql", runSql.reverseSql());
			}
		}
		else if (operation instanceof RunJava runJava) {
			argument("code", runJava.code());
			if (runJava.reverseCode() != null) {
				argument("reverse_code", runJava.reverseCode());
			}
		}
		else if (operation instanceof SeparateDatabaseAndState separate) {
			operations("database_operations", separate.databaseOperations());
			operations("state_operations", separate.stateOperations());
		}
		else {
			throw new IllegalArgumentException("Cannot write operation " + operation.getClass().getSimpleName());
		}
	}

	private void createModel(CreateModel createModel) {
		argument("name", createModel.name());
		if (createModel.fields().isEmpty()) {
			raw("fields", "{}");
		}
		else {
			key("fields");
			for (Map.Entry<String, FieldState> field : createModel.fields().entrySet()) {
				this.out.append(this.indent)
					.append("  ")
					.append(YamlScalars.string(field.getKey()))
					.append(": ")
					.append(ValueWriter.field(field.getValue()))
					.append('\n');
			}
		}
		if (createModel.dbTable() != null) {
			argument("db_table", createModel.dbTable());
		}
		if (!createModel.indexes().isEmpty()) {
			key("indexes");
			for (IndexState index : createModel.indexes()) {
				item(ValueWriter.index(index));
			}
		}
		if (!createModel.constraints().isEmpty()) {
			key("constraints");
			for (ConstraintState constraint : createModel.constraints()) {
				item(ValueWriter.constraint(constraint));
			}
		}
		if (!createModel.options().equals(ModelOptions.NONE)) {
			raw("options", ValueWriter.options(createModel.options()));
		}
	}

	private void field(String modelName, String name, FieldState field, boolean preserveDefault) {
		argument("model_name", modelName);
		argument("name", name);
		raw("field", ValueWriter.field(field));
		if (!preserveDefault) {
			raw("preserve_default", "false");
		}
	}

	private void statements(String key, List<String> statements) {
		if (statements.isEmpty()) {
			raw(key, "[]");
			return;
		}
		key(key);
		for (String statement : statements) {
			item(YamlScalars.quoted(statement));
		}
	}

	private void operations(String key, List<Operation> operations) {
		if (operations.isEmpty()) {
			raw(key, "[]");
			return;
		}
		key(key);
		for (Operation operation : operations) {
			write(this.out, operation, this.indent.length() + 2);
		}
	}

	private void argument(String key, String value) {
		raw(key, YamlScalars.string(value));
	}

	private void raw(String key, String yaml) {
		this.out.append(this.indent).append(key).append(": ").append(yaml).append('\n');
	}

	private void key(String key) {
		this.out.append(this.indent).append(key).append(":\n");
	}

	private void item(String yaml) {
		this.out.append(this.indent).append("  - ").append(yaml).append('\n');
	}

}
