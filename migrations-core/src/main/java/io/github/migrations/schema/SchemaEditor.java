package io.github.migrations.schema;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.IndexState;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Turns schema changes into SQL for one database vendor and runs them (or only collects them,
 * for {@code sqlmigrate}). Statements that must come last (foreign keys, indexes) are deferred and
 * run by {@link #close()}, as Django's schema editor does on exit.
 * <p>
 * Implementations do not manage transactions and must not close the connection they were given.
 *
 * @since 0.1
 */
public interface SchemaEditor extends AutoCloseable {

	/**
	 * Return the vendor this editor writes SQL for.
	 * @return the vendor
	 */
	Vendor vendor();

	/**
	 * Tell the editor every model of the project, so that a foreign key finds its target's table,
	 * primary key column and type. The executor calls this with the state after each operation
	 * (forwards and backwards). Without it, a target other than the model itself is assumed to be
	 * Django's default: table {@code <app>_<model>} with a {@code bigint} column {@code id}.
	 * @param state the project state the foreign keys refer to
	 */
	default void setProjectState(ProjectState state) {
	}

	/**
	 * Create the table of a model with its columns, and (deferred) its foreign keys, constraints
	 * and indexes; then the automatic join tables of its many-to-many fields.
	 * @param model the model
	 */
	void createModel(ModelState model);

	/**
	 * Drop the table of a model, after the automatic join tables of its many-to-many fields.
	 * @param model the model as it was before deletion
	 */
	void deleteModel(ModelState model);

	/**
	 * Rename a table.
	 * @param model the model (after the change)
	 * @param oldTable the current table name
	 * @param newTable the new table name
	 */
	void alterDbTable(ModelState model, String oldTable, String newTable);

	/**
	 * Add a column. A default on the field is used to fill existing rows, then dropped from the
	 * schema.
	 * @param model the model the field is added to (before or after: only its table is used)
	 * @param name the field name
	 * @param field the field, with the default to apply to existing rows
	 */
	void addField(ModelState model, String name, FieldState field);

	/**
	 * Drop a column (and the constraints on it).
	 * @param model the model
	 * @param name the field name
	 * @param field the field as it was
	 */
	void removeField(ModelState model, String name, FieldState field);

	/**
	 * Change a column: rename, type, nullability, default, uniqueness, index, foreign key, each
	 * only where the old and new field differ.
	 * @param model the model (after the change)
	 * @param oldName the old field name
	 * @param oldField the old field
	 * @param newName the new field name
	 * @param newField the new field
	 */
	void alterField(ModelState model, String oldName, FieldState oldField, String newName, FieldState newField);

	/**
	 * Follow a change of a many-to-many field's automatic join table: rename the table when the
	 * model's table or the field's name changed, rename and repoint its two columns when the
	 * model's name or the target changed (Django's {@code _alter_many_to_many}). Nothing happens
	 * for fields with a {@code through} model.
	 * @param oldModel the model holding the field, before
	 * @param oldName the field name before
	 * @param oldField the field before
	 * @param newModel the model holding the field, after
	 * @param newName the field name after
	 * @param newField the field after
	 */
	void alterManyToMany(ModelState oldModel, String oldName, FieldState oldField, ModelState newModel, String newName,
			FieldState newField);

	/**
	 * Create a named index.
	 * @param model the model
	 * @param index the index
	 */
	void addIndex(ModelState model, IndexState index);

	/**
	 * Drop a named index.
	 * @param model the model
	 * @param index the index
	 */
	void removeIndex(ModelState model, IndexState index);

	/**
	 * Rename an index.
	 * @param model the model
	 * @param oldIndex the index with its old name
	 * @param newIndex the index with its new name
	 */
	void renameIndex(ModelState model, IndexState oldIndex, IndexState newIndex);

	/**
	 * Add a named constraint.
	 * @param model the model
	 * @param constraint the constraint
	 */
	void addConstraint(ModelState model, ConstraintState constraint);

	/**
	 * Drop a named constraint.
	 * @param model the model
	 * @param constraint the constraint
	 */
	void removeConstraint(ModelState model, ConstraintState constraint);

	/**
	 * Create an index without blocking writes where the database can (PostgreSQL's
	 * {@code CREATE INDEX CONCURRENTLY}, outside a transaction); elsewhere as {@link #addIndex}.
	 * @param model the model
	 * @param index the index
	 */
	default void addIndexConcurrently(ModelState model, IndexState index) {
		addIndex(model, index);
	}

	/**
	 * Drop an index without blocking the table where the database can (PostgreSQL's
	 * {@code DROP INDEX CONCURRENTLY}); elsewhere as {@link #removeIndex}.
	 * @param model the model
	 * @param index the index
	 */
	default void removeIndexConcurrently(ModelState model, IndexState index) {
		removeIndex(model, index);
	}

	/**
	 * Add a check constraint without checking the existing rows where the database can
	 * (PostgreSQL's {@code NOT VALID}); elsewhere as {@link #addConstraint}, which checks them.
	 * @param model the model
	 * @param constraint the check constraint
	 */
	default void addConstraintNotValid(ModelState model, ConstraintState constraint) {
		addConstraint(model, constraint);
	}

	/**
	 * Add a foreign key or one-to-one field to an existing table without checking the rows
	 * already there where the database can: on PostgreSQL the column, then its foreign key
	 * {@code NOT VALID} and its index {@code CONCURRENTLY} (outside a transaction); elsewhere as
	 * {@link #addField}.
	 * @param model the model, with the field
	 * @param name the field name
	 * @param field the field, a relation stored in a column
	 */
	default void addFieldNotValid(ModelState model, String name, FieldState field) {
		addField(model, name, field);
	}

	/**
	 * Check the existing rows against a constraint added not valid (PostgreSQL's
	 * {@code VALIDATE CONSTRAINT}): a check constraint or a foreign key; nothing elsewhere, where
	 * the constraint was checked when added.
	 * @param model the model
	 * @param name the constraint name
	 */
	default void validateConstraint(ModelState model, String name) {
	}

	/**
	 * Return the connection this editor works on (for code operations); not to be closed.
	 * @return the connection
	 */
	Connection connection();

	/**
	 * Return whether statements are only collected (for {@code sqlmigrate}), not executed.
	 * @return {@code true} in collect-only mode
	 */
	boolean isCollectOnly();

	/**
	 * Run (or collect) one raw SQL statement.
	 * @param sql the statement, without a trailing semicolon
	 */
	void execute(String sql);

	/**
	 * Return every statement executed or collected so far, deferred ones included once flushed.
	 * @return the statements in order
	 */
	List<String> collectedSql();

	/**
	 * Run (or collect) the deferred statements.
	 */
	void flushDeferred();

	/**
	 * Flush deferred statements. Does not close the connection.
	 */
	@Override
	void close();

}
