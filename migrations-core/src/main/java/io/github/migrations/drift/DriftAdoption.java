package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.Operation;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.ExpectedSchema;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The state-only operations that make the recorded state say what the database has, for the
 * differences where the state can say it (see {@link AdoptedOperations}): dropped columns, changed
 * types, nullability, defaults and comments, extra columns and tables, dropped tables no relation
 * points at, relations whose foreign key points at another model, plain fields whose column gained
 * a foreign key to a model (they become relations), dropped or added indexes and
 * unique constraints, dropped named checks, added checks (named by the database or, on SQLite, by
 * the adoption), changed check expressions and index conditions. The
 * operations go into a {@code SeparateDatabaseAndState} without database operations, so applying
 * the migration changes nothing in the database.
 * <p>
 * The result is checked: the state after the operations is compared with the database again; what
 * the operations bring out is adopted once more (the foreign keys of a table adopted as a model,
 * which become relations once their table's model exists), and what still differs is left over,
 * each with the reason the state cannot say it and what to do (for example the statement that
 * creates a relation's dropped foreign key again).
 *
 * @param operations the state operations per app, apps in the order of the differences
 * @param leftOver the differences no operation adopts, with the reason
 * @param state the state after the operations
 * @param applied the state of the applied migrations, before the operations
 * @since 0.1
 */
public record DriftAdoption(Map<String, List<Operation>> operations, List<NotWritten> leftOver, ProjectState state,
		ProjectState applied) {

	/** The reason given for a difference the adopting operations themselves leave. */
	static final String UNEXPLAINED = "the state after adopting still differs here";

	/**
	 * A difference that is not adopted.
	 *
	 * @param difference the difference
	 * @param reason why the state cannot say it
	 */
	public record NotWritten(Difference difference, String reason) {
	}

	/**
	 * What the differences were found against.
	 *
	 * @param state the state of the applied migrations
	 * @param live the database's schema
	 * @param editor the vendor's schema editor (only its SQL rules are used)
	 * @param detector the detector that found the differences
	 * @param tableApp the app that adopts unexpected tables of no app, or {@code null}
	 */
	public record Source(ProjectState state, LiveSchema live, BaseSchemaEditor editor, DriftDetector detector,
			@Nullable String tableApp) {
	}

	/**
	 * Work out the state operations for differences.
	 * @param differences the differences (those shown)
	 * @param source what they were found against
	 * @return the operations and what is left over
	 */
	public static DriftAdoption of(List<Difference> differences, Source source) {
		Map<String, List<Operation>> operations = new LinkedHashMap<>();
		Map<Difference, String> reasons = new HashMap<>();
		ProjectState state = source.state();
		AdoptedOperations adopted = new AdoptedOperations(source.live(), source.editor());
		List<Difference> pending = tablesFirst(differences);
		List<Difference> after;
		for (int pass = 1;; pass++) {
			for (Difference difference : pending) {
				String app = difference.app();
				if (app == null && difference instanceof Difference.UnexpectedTable) {
					app = source.tableApp();
				}
				if (app == null) {
					reasons.put(difference, "a table of no app: give the app that adopts it with --table-app APP");
					continue;
				}
				Adopted result = adopted.operations(difference, state, app);
				if (result.operations().isEmpty()) {
					reasons.put(difference, Objects.requireNonNull(result.reason()));
					continue;
				}
				List<Operation> appOperations = operations.computeIfAbsent(app, (key) -> new ArrayList<>());
				for (Operation operation : result.operations()) {
					state = operation.stateForwards(app, state);
					add(appOperations, operation);
				}
			}
			after = source.detector().detect(ExpectedSchema.of(state, source.editor()), source.live());
			// once: what the operations bring out, such as the foreign keys of an adopted table
			pending = after.stream()
				.filter((difference) -> !differences.contains(difference) && !reasons.containsKey(difference)
						&& operations.containsKey(difference.app()))
				.toList();
			if (pass == 2 || pending.isEmpty()) {
				break;
			}
		}
		List<NotWritten> leftOver = new ArrayList<>();
		for (Difference difference : after) {
			if (differences.contains(difference) || operations.containsKey(difference.app())) {
				String reason = reasons.get(difference);
				if (reason == null && difference.app() != null) {
					reason = adopted.operations(difference, state, difference.app()).reason();
				}
				leftOver.add(new NotWritten(difference, (reason != null) ? reason : UNEXPLAINED));
			}
		}
		return new DriftAdoption(operations, List.copyOf(leftOver), state, source.state());
	}

	/**
	 * Return the differences with each app's unexpected tables first: a foreign key to such a
	 * table is adopted after the table's {@code CreateModel}; then missing foreign keys: the index
	 * a database kept for one is judged once its relation is without it (the order is otherwise
	 * kept).
	 */
	private static List<Difference> tablesFirst(List<Difference> differences) {
		List<Difference> ordered = new ArrayList<>(differences);
		ordered.sort(Comparator.comparing((Difference difference) -> Objects.requireNonNullElse(difference.app(), "~"))
			.thenComparing((difference) -> !(difference instanceof Difference.UnexpectedTable))
			.thenComparing((difference) -> !(difference instanceof Difference.MissingConstraint missing
					&& missing.kind() == Difference.ConstraintKind.FOREIGN_KEY)));
		return ordered;
	}

	/**
	 * Return what the model classes must say after the operations, so that the next
	 * {@code makemigrations} does not undo them: one line per operation (an annotation to set, add
	 * or remove), a whole class for a created model.
	 * @return the lines, each starting with {@code app.Model}
	 */
	public List<String> modelChanges() {
		List<String> lines = new ArrayList<>();
		this.operations.forEach((app, appOperations) -> lines
			.addAll(ModelChanges.lines(app, appOperations, this.applied, this.state)));
		return lines;
	}

	/**
	 * Add an operation, folding an {@code AlterField} into the one just before it on the same
	 * field (a column whose type and default both changed gives one operation).
	 */
	private static void add(List<Operation> operations, Operation operation) {
		if (!operations.isEmpty() && operation instanceof AlterField alter
				&& operations.get(operations.size() - 1) instanceof AlterField last
				&& last.modelName().equals(alter.modelName()) && last.name().equals(alter.name())) {
			operations.set(operations.size() - 1, alter);
			return;
		}
		operations.add(operation);
	}

	/**
	 * Return a name as the state should keep it: databases that fold names to upper case report
	 * {@code EXTRA_IDX} for an index created as {@code extra_idx}.
	 * @param stored the name as stored
	 * @return the name for the state
	 */
	static String name(String stored) {
		return stored.equals(stored.toUpperCase(Locale.ROOT)) ? stored.toLowerCase(Locale.ROOT) : stored;
	}

}
