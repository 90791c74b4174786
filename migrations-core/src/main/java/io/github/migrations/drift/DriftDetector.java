package io.github.migrations.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.CommandException;
import io.github.migrations.MigrationException;
import io.github.migrations.drift.Difference.ConstraintKind;
import io.github.migrations.schema.ExpectedSchema;
import io.github.migrations.schema.Expressions;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Spellings;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Compares the schema the applied migrations should have produced ({@link ExpectedSchema}) with
 * the live database ({@link LiveSchema}): tables, columns (type, nullability, database default,
 * comment), indexes (and the conditions of partial ones), unique, foreign key (and their
 * {@code ON DELETE} rule) and check constraints (and their conditions, loosely, see
 * {@link Expressions}). Types and defaults are compared in each vendor's canonical spelling;
 * constraints the database names by itself (unique columns, column checks) are matched by their
 * columns, the others by name. Indexes MariaDB and H2 create by
 * themselves for foreign keys are not differences. The engine's own tables and the tables given
 * as ignored are left out. PostgreSQL, MariaDB, H2 and SQLite are compared; on MySQL
 * {@link #detect(Connection, ProjectState)} throws a {@link CommandException} saying so.
 *
 * @since 0.1
 */
public final class DriftDetector {

	/** The databases whose schema is compared. */
	public static final Set<Vendor> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(Vendor.POSTGRESQL, Vendor.MARIADB,
			Vendor.H2, Vendor.SQLITE));

	private final Set<String> ignoredTables;

	/**
	 * Create a detector.
	 * @param ignoredTables tables never reported as unexpected (any case): the engine's history,
	 * progress and lock tables, and tables the project keeps outside the migrations
	 */
	public DriftDetector(Collection<String> ignoredTables) {
		this.ignoredTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		this.ignoredTables.addAll(ignoredTables);
	}

	/**
	 * Compare a project state with the database of a connection.
	 * @param connection the connection
	 * @param state the state of the applied migrations
	 * @return the differences, grouped by app (apps sorted, tables in model order); empty when
	 * the database matches
	 */
	public List<Difference> detect(Connection connection, ProjectState state) {
		Vendor vendor = vendor(connection);
		if (!SUPPORTED.contains(vendor)) {
			throw new CommandException("Drift is compared on " + SUPPORTED.stream().map(Vendor::displayName).toList()
					+ "; " + vendor.displayName() + " is not supported yet.");
		}
		ExpectedSchema expected = ExpectedSchema.of(state, SchemaEditors.create(connection, true));
		return detect(expected, LiveSchema.read(connection));
	}

	/**
	 * Compare an expected schema with a live one.
	 * @param expected what the migrations should have produced
	 * @param live what the database has
	 * @return the differences, grouped by app
	 */
	public List<Difference> detect(ExpectedSchema expected, LiveSchema live) {
		List<Difference> differences = new ArrayList<>();
		Set<String> matched = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		Set<String> apps = new TreeSet<>();
		for (ExpectedSchema.Table table : expected.tables()) {
			apps.add(table.app());
			LiveSchema.Table actual = find(live, table.name());
			if (actual == null) {
				differences.add(new Difference.MissingTable(table.app(), table.model(), table.name()));
				continue;
			}
			matched.add(actual.name());
			new TableComparison(live.vendor(), table, actual, differences).compare();
		}
		for (String name : live.tables().keySet()) {
			if (!matched.contains(name) && !this.ignoredTables.contains(name)) {
				differences.add(new Difference.UnexpectedTable(appOf(name, apps), name));
			}
		}
		List<Difference> sorted = new ArrayList<>(differences);
		sorted.sort(Comparator.comparing((Difference difference) -> Objects.requireNonNullElse(difference.app(), "~")));
		return List.copyOf(sorted);
	}

	private static Vendor vendor(Connection connection) {
		try {
			return Vendor.from(connection.getMetaData());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
	}

	private static LiveSchema.@Nullable Table find(LiveSchema live, String table) {
		LiveSchema.Table exact = live.tables().get(table);
		if (exact != null) {
			return exact;
		}
		return live.tables()
			.values()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(table))
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String appOf(String table, Set<String> apps) {
		String lower = table.toLowerCase(Locale.ROOT);
		return apps.stream().filter((app) -> lower.startsWith(app.toLowerCase(Locale.ROOT) + "_")).findFirst().orElse(null);
	}

	/**
	 * The comparison of one table.
	 */
	private static final class TableComparison {

		private final Vendor vendor;

		private final ExpectedSchema.Table expected;

		private final LiveSchema.Table actual;

		private final List<Difference> differences;

		private final Set<String> missingColumns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

		TableComparison(Vendor vendor, ExpectedSchema.Table expected, LiveSchema.Table actual,
				List<Difference> differences) {
			this.vendor = vendor;
			this.expected = expected;
			this.actual = actual;
			this.differences = differences;
		}

		void compare() {
			compareColumns();
			comparePrimaryKey();
			List<LiveSchema.Index> indexes = new ArrayList<>(this.actual.indexes());
			indexes.removeIf((index) -> index.unique() && sameColumns(index.columns(), this.actual.primaryKey()));
			compareUniques(indexes.stream().filter(LiveSchema.Index::unique).toList());
			compareIndexes(indexes.stream().filter((index) -> !index.unique()).toList());
			compareForeignKeys();
			compareChecks();
		}

		private String app() {
			return this.expected.app();
		}

		private String table() {
			return this.expected.name();
		}

		private void add(Difference difference) {
			this.differences.add(difference);
		}

		private void compareColumns() {
			Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			for (ExpectedSchema.Column column : this.expected.columns()) {
				known.add(column.name());
				LiveSchema.Column live = this.actual.column(column.name());
				if (live == null) {
					this.missingColumns.add(column.name());
					add(new Difference.MissingColumn(app(), table(), column.name(),
							column.type() + (column.nullable() ? " NULL" : " NOT NULL")));
					continue;
				}
				String expectedType = Spellings.type(this.vendor, column.type());
				String actualType = Spellings.type(this.vendor, live.type());
				if (!expectedType.equals(actualType)) {
					add(new Difference.ColumnTypeDiffers(app(), table(), column.name(), column.type(), live.type()));
				}
				if (column.nullable() != live.nullable()) {
					add(new Difference.NullabilityDiffers(app(), table(), column.name(), column.nullable()));
				}
				if (!column.primaryKey() && !Objects.equals(Spellings.defaultValue(column.defaultValue()),
						Spellings.defaultValue(live.defaultValue()))) {
					add(new Difference.DefaultDiffers(app(), table(), column.name(), column.defaultValue(),
							live.defaultValue()));
				}
				if (this.vendor != Vendor.SQLITE && !Objects.equals(column.comment(), live.comment())) {
					add(new Difference.CommentDiffers(app(), table(), column.name(), column.comment(), live.comment()));
				}
			}
			for (LiveSchema.Column column : this.actual.columns()) {
				if (!known.contains(column.name())) {
					add(new Difference.UnexpectedColumn(app(), table(), column.name(),
							column.type() + (column.nullable() ? " NULL" : " NOT NULL")));
				}
			}
		}

		private void comparePrimaryKey() {
			List<String> expectedKey = this.expected.columns()
				.stream()
				.filter(ExpectedSchema.Column::primaryKey)
				.map(ExpectedSchema.Column::name)
				.toList();
			if (expectedKey.isEmpty() || involvesMissingColumn(expectedKey)) {
				return;
			}
			if (this.actual.primaryKey().isEmpty()) {
				add(new Difference.MissingConstraint(app(), table(), ConstraintKind.PRIMARY_KEY, null, expectedKey));
			}
			else if (!sameColumns(expectedKey, this.actual.primaryKey())) {
				add(new Difference.MissingConstraint(app(), table(), ConstraintKind.PRIMARY_KEY, null, expectedKey));
				add(new Difference.UnexpectedConstraint(app(), table(), ConstraintKind.PRIMARY_KEY, "PRIMARY KEY",
						this.actual.primaryKey()));
			}
		}

		private void compareUniques(List<LiveSchema.Index> uniques) {
			List<LiveSchema.Index> remaining = new ArrayList<>(uniques);
			for (ExpectedSchema.Unique unique : this.expected.uniques()) {
				LiveSchema.Index match = remaining.stream()
					.filter((index) -> unique.name() != null && index.name().equalsIgnoreCase(unique.name()))
					.findFirst()
					.or(() -> remaining.stream().filter((index) -> sameColumns(index.columns(), unique.columns())).findFirst())
					.orElse(null);
				if (match != null) {
					remaining.remove(match);
					compareCondition(match, unique.condition());
				}
				else if (!involvesMissingColumn(unique.columns())) {
					add(new Difference.MissingConstraint(app(), table(), ConstraintKind.UNIQUE, unique.name(),
							unique.columns()));
				}
			}
			for (LiveSchema.Index index : remaining) {
				add(new Difference.UnexpectedConstraint(app(), table(), ConstraintKind.UNIQUE, index.name(),
						index.columns()));
			}
		}

		private void compareIndexes(List<LiveSchema.Index> indexes) {
			List<LiveSchema.Index> remaining = new ArrayList<>(indexes);
			for (ExpectedSchema.Index index : this.expected.indexes()) {
				LiveSchema.Index match = remaining.stream()
					.filter((candidate) -> candidate.name().equalsIgnoreCase(index.name()))
					.findFirst()
					.orElse(null);
				if (match != null) {
					remaining.remove(match);
					compareCondition(match, index.condition());
				}
				else if (!involvesMissingColumn(index.columns())) {
					add(new Difference.MissingIndex(app(), table(), index.name(), index.columns()));
				}
			}
			for (LiveSchema.Index index : remaining) {
				if (!backsForeignKey(index)) {
					add(new Difference.UnexpectedIndex(app(), table(), index.name(), index.columns()));
				}
			}
		}

		/**
		 * MariaDB and H2 create an index for a foreign key that has none; it is not drift.
		 */
		private boolean backsForeignKey(LiveSchema.Index index) {
			if (this.vendor == Vendor.POSTGRESQL || this.vendor == Vendor.SQLITE) {
				return false;
			}
			return this.actual.foreignKeys()
				.stream()
				.anyMatch((key) -> sameColumns(List.of(key.column()), index.columns()));
		}

		private void compareForeignKeys() {
			List<LiveSchema.ForeignKey> remaining = new ArrayList<>(this.actual.foreignKeys());
			for (ExpectedSchema.ForeignKey key : this.expected.foreignKeys()) {
				LiveSchema.ForeignKey match = remaining.stream()
					.filter((candidate) -> candidate.column().equalsIgnoreCase(key.column())
							&& candidate.targetTable().equalsIgnoreCase(key.targetTable())
							&& candidate.targetColumn().equalsIgnoreCase(key.targetColumn()))
					.findFirst()
					.orElse(null);
				if (match != null) {
					remaining.remove(match);
					if (key.onDelete() != null ? !key.onDelete().equals(match.onDelete())
							: !defaultRule(match.onDelete())) {
						add(new Difference.OnDeleteDiffers(app(), table(), match.name(), match.column(),
								(key.onDelete() != null) ? key.onDelete() : "NO ACTION", match.onDelete()));
					}
				}
				else if (!involvesMissingColumn(List.of(key.column()))) {
					add(new Difference.MissingConstraint(app(), table(), ConstraintKind.FOREIGN_KEY, key.name(),
							List.of(key.column() + " -> " + key.targetTable() + "." + key.targetColumn())));
				}
			}
			for (LiveSchema.ForeignKey key : remaining) {
				add(new Difference.UnexpectedConstraint(app(), table(), ConstraintKind.FOREIGN_KEY, key.name(),
						List.of(key.column() + " -> " + key.targetTable() + "." + key.targetColumn())));
			}
		}

		private void compareChecks() {
			List<LiveSchema.Check> remaining = new ArrayList<>(this.actual.checks());
			List<ExpectedSchema.Check> checks = new ArrayList<>(this.expected.checks());
			checks.sort(Comparator.comparing((ExpectedSchema.Check check) -> check.name() == null));
			for (ExpectedSchema.Check check : checks) {
				LiveSchema.Check match = remaining.stream().filter((candidate) -> matches(check, candidate)).findFirst()
					.or(() -> unnamedOnSqlite(check, remaining, checks))
					.orElse(null);
				if (match != null) {
					remaining.remove(match);
					if (check.expression() != null && match.expression() != null
							&& !Expressions.same(check.expression(), match.expression())) {
						add(new Difference.CheckDiffers(app(), table(), match.name(), check.expression(),
								match.expression()));
					}
				}
				else if (!check.optional()
						&& (check.column() == null || !involvesMissingColumn(List.of(check.column())))) {
					add(new Difference.MissingConstraint(app(), table(), ConstraintKind.CHECK, check.name(),
							(check.column() != null) ? List.of(check.column()) : List.of()));
				}
			}
			for (LiveSchema.Check check : remaining) {
				add(new Difference.UnexpectedConstraint(app(), table(), ConstraintKind.CHECK, check.name(),
						List.copyOf(check.columns())));
			}
		}

		/**
		 * Only where the database has partial indexes: elsewhere the editor creates none.
		 */
		private void compareCondition(LiveSchema.Index index, @Nullable String expected) {
			if (this.vendor != Vendor.POSTGRESQL && this.vendor != Vendor.SQLITE) {
				return;
			}
			String actual = index.condition();
			boolean same = (expected == null) ? actual == null
					: actual != null && Expressions.same(expected, actual);
			if (!same) {
				add(new Difference.ConditionDiffers(app(), table(), index.name(), expected, actual));
			}
		}

		/**
		 * Whether a rule is what a foreign key without {@code ON DELETE} has: {@code NO ACTION};
		 * MariaDB, MySQL and H2 report that as {@code RESTRICT}, which is the same there.
		 */
		private boolean defaultRule(String rule) {
			return rule.equals("NO ACTION") || (rule.equals("RESTRICT") && this.vendor != Vendor.POSTGRESQL
					&& this.vendor != Vendor.SQLITE);
		}

		/**
		 * SQLite keeps a check written without a name (in its column or its table) unnamed, and
		 * drops or adds checks only by remaking the table, never by name: there a named check of
		 * the migrations is the unnamed one with the same condition (loosely), unless that one is
		 * the column check of a field.
		 */
		private Optional<LiveSchema.Check> unnamedOnSqlite(ExpectedSchema.Check check,
				List<LiveSchema.Check> remaining, List<ExpectedSchema.Check> checks) {
			if (this.vendor != Vendor.SQLITE || check.name() == null || check.expression() == null) {
				return Optional.empty();
			}
			return remaining.stream()
				.filter((candidate) -> candidate.name().startsWith("CHECK (") && candidate.expression() != null
						&& Expressions.same(check.expression(), candidate.expression()))
				.filter((candidate) -> checks.stream().noneMatch((other) -> other.name() == null
						&& matches(other, candidate)))
				.findFirst();
		}

		private static boolean matches(ExpectedSchema.Check check, LiveSchema.Check candidate) {
			if (check.name() != null) {
				return candidate.name().equalsIgnoreCase(check.name());
			}
			return candidate.columns().size() == 1 && candidate.columns().iterator().next().equalsIgnoreCase(check.column());
		}

		private boolean involvesMissingColumn(List<String> columns) {
			return columns.stream().anyMatch(this.missingColumns::contains);
		}

		private static boolean sameColumns(List<String> left, List<String> right) {
			return lower(left).equals(lower(right));
		}

		private static Set<String> lower(List<String> columns) {
			Set<String> set = new LinkedHashSet<>();
			columns.forEach((column) -> set.add(column.toLowerCase(Locale.ROOT)));
			return new TreeSet<>(set);
		}

	}

}
