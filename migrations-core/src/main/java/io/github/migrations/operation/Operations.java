package io.github.migrations.operation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.migrations.MigrationException;
import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the operations: name comparison and relation checks, as Django's
 * {@code operations/utils.py}.
 */
final class Operations {

	private Operations() {
	}

	static boolean sameName(String a, String b) {
		return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
	}

	/**
	 * Return whether two (model, field) pairs name the same field: the model names in any case,
	 * the field names exactly.
	 */
	static boolean sameField(String modelName, String name, String otherModelName, String otherName) {
		return sameName(modelName, otherModelName) && name.equals(otherName);
	}

	/**
	 * Return a migration name fragment: the parts in lower case joined with {@code _}, for example
	 * {@code remove_employee_email}.
	 */
	static String fragment(String... parts) {
		return Arrays.stream(parts).map((part) -> part.toLowerCase(Locale.ROOT)).collect(Collectors.joining("_"));
	}

	/**
	 * Return the named items (indexes, constraints) with one more, refusing a second item of the
	 * same name.
	 * @param items the items of the model
	 * @param item the item to add
	 * @param nameOf the name of an item
	 * @param kind what the item is, with its article ({@code an index}), for the error
	 * @param owner the model ({@code app.Model}), for the error
	 * @return the new list
	 */
	static <T> List<T> withAdded(List<T> items, T item, Function<T, String> nameOf, String kind, String owner) {
		String name = nameOf.apply(item);
		if (items.stream().anyMatch((existing) -> nameOf.apply(existing).equals(name))) {
			throw new IllegalStateException(owner + " already has " + kind + " named " + name);
		}
		List<T> result = new ArrayList<>(items);
		result.add(item);
		return result;
	}

	/**
	 * Return the named items (indexes, constraints) without the one of the given name.
	 */
	static <T> List<T> withoutNamed(List<T> items, Function<T, String> nameOf, String name) {
		return items.stream().filter((item) -> !nameOf.apply(item).equals(name)).toList();
	}

	/**
	 * Return whether a field points to the given model.
	 * @param field the field
	 * @param modelName the model name
	 * @param app the app label of the model
	 * @return whether the field is a relation to it
	 */
	static boolean fieldReferencesModel(FieldState field, String modelName, String app) {
		ModelKey target = new ModelKey(app, modelName);
		if (target.equals(field.type().relatedModel())) {
			return true;
		}
		return (field.type() instanceof FieldType.ManyToManyField manyToMany) && manyToMany.through() != null
				&& ModelKey.parse(manyToMany.through()).equals(target);
	}

	/**
	 * Return whether a field points to the given field of a model (a foreign key points to the
	 * primary key, so any field of the target counts).
	 */
	static boolean fieldReferencesField(FieldState field, String modelName, String app) {
		return fieldReferencesModel(field, modelName, app);
	}

	/**
	 * Django's {@code FieldOperation.reduce} fallback: through unless the other operation
	 * references the field.
	 */
	static Reduction throughUnlessReferenced(Operation other, String modelName, String fieldName, String app) {
		return Reduction.throughIf(!other.referencesField(modelName, fieldName, app));
	}

	/**
	 * Return the plain operation a safe form makes the same change as (the class it extends in
	 * Django), else the operation itself, for reductions written with
	 * {@code isinstance(…, AddIndex)} and the like.
	 */
	static Operation plainOf(Operation operation) {
		return (operation instanceof SafeForm safe) ? safe.plain() : operation;
	}

	/**
	 * Return the reverse (SQL or code) of an operation, refusing to reverse one given none.
	 */
	static <T> T requireReverse(@Nullable T reverse) {
		if (reverse == null) {
			throw new IllegalStateException("You cannot reverse this operation");
		}
		return reverse;
	}

	/**
	 * Return Django's description of a concurrent index operation from its plain one:
	 * {@code Create index …} becomes {@code Concurrently create index …}.
	 */
	static String concurrently(String description) {
		return "Concurrently " + Character.toLowerCase(description.charAt(0)) + description.substring(1);
	}

	/**
	 * Refuse to run an operation that needs its own transactions inside one, as Django's
	 * {@code NotInTransactionMixin} (the executor refuses such a migration before it starts; this
	 * covers an editor used directly).
	 */
	static void ensureNotInTransaction(Operation operation, SchemaEditor editor) {
		if (editor.isCollectOnly()) {
			return;
		}
		try {
			if (!editor.connection().getAutoCommit()) {
				throw new IllegalStateException("The " + operation.getClass().getSimpleName()
						+ " operation cannot be executed inside a transaction (set atomic: false on the migration).");
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the transaction mode of the connection: " + ex.getMessage(), ex);
		}
	}

}
