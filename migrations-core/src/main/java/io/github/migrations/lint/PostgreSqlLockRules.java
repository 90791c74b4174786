package io.github.migrations.lint;

import java.util.List;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;

/**
 * PostgreSQL's lock rules. An atomic migration runs in one transaction, so every lock it takes
 * is held until it commits: an index built after an {@code ALTER TABLE} in the same migration
 * is built while reads wait too.
 */
final class PostgreSqlLockRules implements LockRules {

	private static final String NOT_VALID = "Add it NOT VALID (only new and updated rows are checked, the lock is brief), "
			+ "then VALIDATE CONSTRAINT in a separate step, which reads the table under a lock that lets reads and writes go on.";

	private static final String SAFE_INDEX = "Write it with makemigrations --safe: AddIndexConcurrently in a migration "
			+ "with atomic: false (CREATE INDEX CONCURRENTLY); reads and writes go on while it is built.";

	private static final String SAFE_CHECK = "Write it with makemigrations --safe: AddConstraintNotValid (only new and "
			+ "updated rows are checked, the lock is brief), then ValidateConstraint in a following migration, which reads "
			+ "the table under a lock that lets reads and writes go on.";

	private static final String SAFE_FOREIGN_KEY = "Write it with makemigrations --safe: AddFieldNotValid in a migration with "
			+ "atomic: false (the column, its foreign key NOT VALID, its index CONCURRENTLY), then ValidateConstraint in a following "
			+ "migration, which reads the table under a lock that lets reads and writes go on.";

	private static final String CONCURRENTLY = "Build the index with CREATE INDEX CONCURRENTLY in a migration with atomic: false "
			+ "(RunSql in a SeparateDatabaseAndState, so the state still gets the index); "
			+ "reads and writes go on while it is built.";

	@Override
	public void addField(OperationContext context, ModelState model, String name, FieldState field) {
		addField(context, model, name, field, false);
	}

	/**
	 * Check {@code AddFieldNotValid}: its foreign key is added NOT VALID and its index built
	 * CONCURRENTLY, so only the rules about the column itself remain.
	 */
	@Override
	public void addFieldNotValid(OperationContext context, ModelState model, String name, FieldState field) {
		addField(context, model, name, field, true);
	}

	private void addField(OperationContext context, ModelState model, String name, FieldState field, boolean notValid) {
		String column = model.table() + "." + field.column(name);
		if (field.type().isAutoField()) {
			context.error(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, "Column " + column
					+ " is added as an identity column: every existing row is filled from a sequence (a volatile default), so PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock; reads and writes wait.",
					"Add a nullable integer column, give it the sequence as default for new rows, fill the existing rows in batches, then make it NOT NULL.");
		}
		if (field.uniqueColumn() && !field.primaryKey()) {
			uniqueConstraint(context, model.table(), List.of(field.column(name)));
		}
		if (notValid) {
			return;
		}
		boolean relation = ColumnFacts.hasForeignKey(field);
		if (field.ownIndex()) {
			index(context, model.table(), List.of(field.column(name)), relation ? SAFE_FOREIGN_KEY : CONCURRENTLY);
		}
		if (relation) {
			foreignKey(context, column, ColumnFacts.targetTable(field, context.after()), SAFE_FOREIGN_KEY);
		}
	}

	@Override
	public void alterField(OperationContext context, FieldChange change) {
		String column = change.table() + "." + change.newColumn();
		if (change.kindChanged() && rewrites(change.oldKind(), change.newKind())) {
			context.error(Rule.CHANGING_COLUMN_TYPE, "Column " + column + " changes from " + change.oldKind().describe()
					+ " to " + change.newKind().describe()
					+ ": PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock; reads and writes wait.",
					"Add a column of the new type, write both from the application, copy the data in batches, switch reads, "
							+ "and drop the old column in a later release. No rewrite is needed for a longer varchar, varchar to text, "
							+ "or more decimal digits with the same decimal places.");
		}
		if (change.becomesNotNull()) {
			String fill = (change.newField().hasDefault() || change.newField().dbDefault() != null)
					? " (and every NULL is first updated to the default)" : "";
			context.error(Rule.SETTING_NOT_NULL, "Column " + column
					+ " becomes NOT NULL: PostgreSQL reads the whole table to check it under an ACCESS EXCLUSIVE lock" + fill
					+ "; reads and writes wait.",
					"Add CHECK (" + change.newColumn() + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it, then SET NOT NULL "
							+ "(PostgreSQL 12 and later skip the scan when a valid check proves it) and drop the check.");
		}
		if (change.uniqueAdded()) {
			uniqueConstraint(context, change.table(), List.of(change.newColumn()));
		}
		if (change.indexAdded()) {
			index(context, change.table(), List.of(change.newColumn()), CONCURRENTLY);
		}
		if (change.foreignKeyAdded()) {
			foreignKey(context, column, ColumnFacts.targetTable(change.newField(), context.after()), NOT_VALID);
		}
		if (change.checkAdded()) {
			check(context, change.table(), change.newColumn() + " >= 0", NOT_VALID);
		}
	}

	@Override
	public void addIndex(OperationContext context, ModelState model, IndexState index) {
		index(context, model.table(), columns(model, index.fieldNames()), SAFE_INDEX);
	}

	@Override
	public void addConstraint(OperationContext context, ModelState model, ConstraintState constraint) {
		if (constraint instanceof ConstraintState.Unique unique) {
			if (unique.condition() != null) {
				uniqueIndex(context, model.table(), columns(model, unique.fields()));
			}
			else {
				uniqueConstraint(context, model.table(), columns(model, unique.fields()));
			}
		}
		else if (constraint instanceof ConstraintState.Check check) {
			check(context, model.table(), check.check(), SAFE_CHECK);
		}
	}

	/**
	 * Return whether PostgreSQL rewrites the table to change a column's type: all changes do
	 * except a longer varchar, varchar to text, and a decimal with more digits and the same
	 * scale (binary-coercible changes).
	 */
	static boolean rewrites(ColumnKind from, ColumnKind to) {
		if (from.family() == ColumnKind.Family.STRING) {
			return !((to.family() == ColumnKind.Family.STRING && to.size() >= from.size())
					|| to.family() == ColumnKind.Family.TEXT);
		}
		if (from.family() == ColumnKind.Family.DECIMAL && to.family() == ColumnKind.Family.DECIMAL) {
			return !(to.scale() == from.scale() && to.size() >= from.size());
		}
		if (from.family() == ColumnKind.Family.BINARY && to.family() == ColumnKind.Family.BINARY) {
			return false;
		}
		return true;
	}

	private static void index(OperationContext context, String table, List<String> columns, String fix) {
		context.error(Rule.ADDING_INDEX_NON_CONCURRENTLY, "An index on " + table + " (" + String.join(", ", columns)
				+ ") is built without CONCURRENTLY: writes to the table wait until the whole index is built "
				+ "(and reads too when the migration altered the table before).", fix);
	}

	private static void uniqueConstraint(OperationContext context, String table, List<String> columns) {
		context.error(Rule.ADDING_UNIQUE_CONSTRAINT, "A unique constraint on " + table + " (" + String.join(", ", columns)
				+ ") builds its index under an ACCESS EXCLUSIVE lock: reads and writes wait until every row is indexed.",
				"Build the index with CREATE UNIQUE INDEX CONCURRENTLY in a migration with atomic: false, "
						+ "then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX, which is instant.");
	}

	private static void uniqueIndex(OperationContext context, String table, List<String> columns) {
		context.error(Rule.ADDING_UNIQUE_CONSTRAINT, "A partial unique index on " + table + " ("
				+ String.join(", ", columns) + ") is built without CONCURRENTLY: writes to the table wait until it is built.",
				"Build it with CREATE UNIQUE INDEX CONCURRENTLY in a migration with atomic: false "
						+ "(RunSql in a SeparateDatabaseAndState, so the state still gets the constraint).");
	}

	private static void foreignKey(OperationContext context, String column, String target, String fix) {
		context.error(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "The foreign key " + column + " -> " + target
				+ " is added without NOT VALID: PostgreSQL checks every row while writes to both tables wait.", fix);
	}

	private static void check(OperationContext context, String table, String condition, String fix) {
		context.error(Rule.ADDING_CHECK_CONSTRAINT, "The check (" + condition + ") on " + table
				+ " is added without NOT VALID: PostgreSQL checks every row under an ACCESS EXCLUSIVE lock; reads and writes wait.",
				fix);
	}

	private static List<String> columns(ModelState model, List<String> fieldNames) {
		return fieldNames.stream()
			.map((name) -> model.fields().containsKey(name) ? model.field(name).column(name) : name)
			.toList();
	}

}
