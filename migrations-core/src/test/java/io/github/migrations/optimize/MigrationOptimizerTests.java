package io.github.migrations.optimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.OnDelete;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pair reductions, ported from Django's {@code test_optimizer.py}.
 */
class MigrationOptimizerTests {

	private static final FieldState ID = FieldState.of(new FieldType.BigAutoField());

	private static final FieldState INT = FieldState.of(new FieldType.IntegerField());

	private static final FieldState TEXT = FieldState.of(new FieldType.CharField(255));

	@Test
	void createThenDeleteIsNothing() {
		assertOptimizesTo(List.of(create("Foo", "id", ID), new DeleteModel("Foo")), List.of());
	}

	@Test
	void createThenAddFieldIsOneCreate() {
		assertOptimizesTo(List.of(create("Foo", "id", ID), new AddField("foo", "age", INT, true)),
				List.of(create("Foo", "id", ID, "age", INT)));
	}

	@Test
	void oneOffDefaultIsNotKeptWhenFoldedIntoCreateModel() {
		assertOptimizesTo(List.of(create("Foo", "id", ID), new AddField("foo", "age", INT.withDefault("0"), false)),
				List.of(create("Foo", "id", ID, "age", INT)));
	}

	@Test
	void createThenAlterRemoveRenameFieldFoldIntoTheCreate() {
		assertOptimizesTo(List.of(create("Foo", "id", ID, "name", TEXT), new AlterField("foo", "name", TEXT.withNullable(true), true)),
				List.of(create("Foo", "id", ID, "name", TEXT.withNullable(true))));
		assertOptimizesTo(List.of(create("Foo", "id", ID, "name", TEXT), new RemoveField("foo", "name")),
				List.of(create("Foo", "id", ID)));
		assertOptimizesTo(List.of(create("Foo", "id", ID, "name", TEXT), new RenameField("foo", "name", "title")),
				List.of(create("Foo", "id", ID, "title", TEXT)));
	}

	@Test
	void addThenAlterIsOneAdd() {
		assertOptimizesTo(List.of(new AddField("foo", "age", INT, true), new AlterField("foo", "age", TEXT, true)),
				List.of(new AddField("foo", "age", TEXT, true)));
	}

	@Test
	void addWithOneOffDefaultThenAlterKeepsTheOneOffDefault() {
		assertOptimizesTo(List.of(new AddField("foo", "age", INT.withDefault("7"), false), new AlterField("foo", "age", INT.withNullable(false), true)),
				List.of(new AddField("foo", "age", INT.withDefault("7"), false)));
	}

	@Test
	void addThenRemoveIsNothingAndAddThenRenameIsOneAdd() {
		assertOptimizesTo(List.of(new AddField("foo", "age", INT, true), new RemoveField("foo", "age")), List.of());
		assertOptimizesTo(List.of(new AddField("foo", "age", INT, true), new RenameField("foo", "age", "years")),
				List.of(new AddField("foo", "years", INT, true)));
	}

	@Test
	void alterThenAlterOrRemoveKeepsTheLater() {
		assertOptimizesTo(List.of(new AlterField("foo", "age", INT, true), new AlterField("foo", "age", TEXT, true)),
				List.of(new AlterField("foo", "age", TEXT, true)));
		assertOptimizesTo(List.of(new AlterField("foo", "age", INT, true), new RemoveField("foo", "age")),
				List.of(new RemoveField("foo", "age")));
	}

	@Test
	void renameThenRenameIsOneRename() {
		assertOptimizesTo(List.of(new RenameField("foo", "a", "b"), new RenameField("foo", "b", "c")),
				List.of(new RenameField("foo", "a", "c")));
	}

	@Test
	void removeFieldThenDeleteModelIsDeleteModel() {
		assertOptimizesTo(List.of(new RemoveField("foo", "age"), new DeleteModel("Foo")), List.of(new DeleteModel("Foo")));
	}

	@Test
	void reductionsHappenAcrossUnrelatedOperationsOnTheRight() {
		// as Django: the operations in between come first, the reduced one takes the later place
		assertOptimizesTo(List.of(create("Foo", "id", ID), create("Bar", "id", ID), new AddField("foo", "age", INT, true)),
				List.of(create("Bar", "id", ID), create("Foo", "id", ID, "age", INT)));
	}

	@Test
	void operationsReferencingTheModelInBetweenBlockTheReduction() {
		FieldState toFoo = FieldState.of(new FieldType.ForeignKey("app.foo", OnDelete.CASCADE));
		List<Operation> operations = List.of(create("Foo", "id", ID), create("Bar", "id", ID, "foo", toFoo),
				new DeleteModel("Foo"));
		assertOptimizesTo(operations, operations);
	}

	@Test
	void unrelatedOperationsStayAsTheyAre() {
		List<Operation> operations = List.of(new AddField("foo", "a", INT, true), new AddField("bar", "b", INT, true));
		assertOptimizesTo(operations, operations);
	}

	private static void assertOptimizesTo(List<Operation> operations, List<Operation> expected) {
		assertThat(MigrationOptimizer.optimize(operations, "app")).isEqualTo(expected);
	}

	private static CreateModel create(String name, Object... fields) {
		Map<String, FieldState> map = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			map.put((String) fields[i], (FieldState) fields[i + 1]);
		}
		return new CreateModel(name, map, null);
	}

}
