package io.github.migrations.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.CircularDependencyException;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MigrationGraph}, ported from Django's {@code test_graph.py}. Expected plans
 * were produced by Django 5.2's {@code MigrationGraph} for the same graphs.
 */
class MigrationGraphTests {

	/**
	 * <pre>
	 * app_a:  0001 <-- 0002 <--- 0003 <-- 0004
	 *                          /
	 * app_b:  0001 <-- 0002 <-/
	 * </pre>
	 */
	@Test
	void simpleGraphPlansFollowDependenciesAcrossApps() {
		MigrationGraph graph = graph("app_a.0001", "app_a.0002", "app_a.0003", "app_a.0004", "app_b.0001",
				"app_b.0002");
		depend(graph, "app_a.0004", "app_a.0003");
		depend(graph, "app_a.0003", "app_a.0002");
		depend(graph, "app_a.0002", "app_a.0001");
		depend(graph, "app_a.0003", "app_b.0002");
		depend(graph, "app_b.0002", "app_b.0001");
		assertThat(graph.forwardsPlan(key("app_a.0001"))).containsExactly(keys("app_a.0001"));
		assertThat(graph.forwardsPlan(key("app_b.0002"))).containsExactly(keys("app_b.0001", "app_b.0002"));
		assertThat(graph.forwardsPlan(key("app_a.0004"))).containsExactly(
				keys("app_b.0001", "app_b.0002", "app_a.0001", "app_a.0002", "app_a.0003", "app_a.0004"));
		assertThat(graph.backwardsPlan(key("app_b.0002")))
			.containsExactly(keys("app_a.0004", "app_a.0003", "app_b.0002"));
		assertThat(graph.rootNodes()).containsExactly(keys("app_a.0001", "app_b.0001"));
		assertThat(graph.leafNodes()).containsExactly(keys("app_a.0004", "app_b.0002"));
	}

	/**
	 * <pre>
	 * app_a:  0001 <-- 0002 <--- 0003 <-- 0004
	 *               \        \ /         /
	 * app_b:  0001 <-\ 0002 <-X         /
	 *               \          \       /
	 * app_c:         \ 0001 <-- 0002 <-
	 * </pre>
	 */
	@Test
	void complexGraphPlansMatchDjango() {
		MigrationGraph graph = graph("app_a.0001", "app_a.0002", "app_a.0003", "app_a.0004", "app_b.0001",
				"app_b.0002", "app_c.0001", "app_c.0002");
		depend(graph, "app_a.0004", "app_a.0003");
		depend(graph, "app_a.0003", "app_a.0002");
		depend(graph, "app_a.0002", "app_a.0001");
		depend(graph, "app_a.0003", "app_b.0002");
		depend(graph, "app_b.0002", "app_b.0001");
		depend(graph, "app_a.0004", "app_c.0002");
		depend(graph, "app_c.0002", "app_c.0001");
		depend(graph, "app_c.0001", "app_b.0001");
		depend(graph, "app_c.0002", "app_a.0002");
		assertThat(graph.forwardsPlan(key("app_c.0002")))
			.containsExactly(keys("app_b.0001", "app_c.0001", "app_a.0001", "app_a.0002", "app_c.0002"));
		assertThat(graph.forwardsPlan(key("app_a.0004"))).containsExactly(keys("app_b.0001", "app_c.0001",
				"app_a.0001", "app_a.0002", "app_c.0002", "app_b.0002", "app_a.0003", "app_a.0004"));
		assertThat(graph.backwardsPlan(key("app_b.0001"))).containsExactly(
				keys("app_a.0004", "app_c.0002", "app_c.0001", "app_a.0003", "app_b.0002", "app_b.0001"));
		assertThat(graph.rootNodes()).containsExactly(keys("app_a.0001", "app_b.0001", "app_c.0001"));
		assertThat(graph.leafNodes()).containsExactly(keys("app_a.0004", "app_b.0002", "app_c.0002"));
	}

	/**
	 * <pre>
	 * shop:  0001_initial <-- 0002_second <-- 0003_alpha <-- 0004_merge
	 *                                     \-- 0003_beta  <-/
	 * </pre>
	 */
	@Test
	void siblingsArePlannedGreatestFirst() {
		MigrationGraph graph = graph("shop.0001_initial", "shop.0002_second", "shop.0003_alpha", "shop.0003_beta",
				"shop.0004_merge");
		depend(graph, "shop.0002_second", "shop.0001_initial");
		depend(graph, "shop.0003_alpha", "shop.0002_second");
		depend(graph, "shop.0003_beta", "shop.0002_second");
		depend(graph, "shop.0004_merge", "shop.0003_alpha");
		depend(graph, "shop.0004_merge", "shop.0003_beta");
		assertThat(graph.forwardsPlan(key("shop.0004_merge"))).containsExactly(keys("shop.0001_initial",
				"shop.0002_second", "shop.0003_beta", "shop.0003_alpha", "shop.0004_merge"));
		assertThat(graph.backwardsPlan(key("shop.0002_second")))
			.containsExactly(keys("shop.0004_merge", "shop.0003_beta", "shop.0003_alpha", "shop.0002_second"));
		assertThat(graph.leafNodes("shop")).containsExactly(keys("shop.0004_merge"));
	}

	/**
	 * <pre>
	 * shop:  0001_initial <-- 0002_alpha
	 *                     \-- 0002_beta
	 * </pre>
	 */
	@Test
	void unmergedBranchesGiveTwoLeavesForTheApp() {
		MigrationGraph graph = graph("shop.0001_initial", "shop.0002_alpha", "shop.0002_beta");
		depend(graph, "shop.0002_alpha", "shop.0001_initial");
		depend(graph, "shop.0002_beta", "shop.0001_initial");
		assertThat(graph.leafNodes("shop")).containsExactly(keys("shop.0002_alpha", "shop.0002_beta"));
		assertThat(graph.children(key("shop.0001_initial"))).containsExactly(keys("shop.0002_alpha", "shop.0002_beta"));
		assertThat(graph.parents(key("shop.0002_beta"))).containsExactly(keys("shop.0001_initial"));
	}

	/**
	 * <pre>
	 * blog:  0001 <-- 0002
	 *            \
	 * shop:  0001 <-- 0002
	 * </pre>
	 * (shop.0002 depends on blog.0001.)
	 */
	@Test
	void rootAndLeafNodesPerAppIgnoreEdgesToOtherApps() {
		MigrationGraph graph = graph("blog.0001", "blog.0002", "shop.0001", "shop.0002");
		depend(graph, "blog.0002", "blog.0001");
		depend(graph, "shop.0002", "shop.0001");
		depend(graph, "shop.0002", "blog.0001");
		assertThat(graph.rootNodes("shop")).containsExactly(keys("shop.0001"));
		assertThat(graph.leafNodes("blog")).containsExactly(keys("blog.0002"));
		assertThat(graph.rootNodes("blog")).containsExactly(keys("blog.0001"));
		assertThat(graph.leafNodes("shop")).containsExactly(keys("shop.0002"));
		assertThat(graph.rootNodes("nosuch")).isEmpty();
		assertThat(graph.nodes()).containsExactly(keys("blog.0001", "blog.0002", "shop.0001", "shop.0002"));
	}

	@Test
	void planOnUnknownNodeNamesTheNode() {
		MigrationGraph graph = graph("inv.0001_initial");
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> graph.forwardsPlan(key("inv.0002_middle")))
			.withMessage("Node ('inv', '0002_middle') not a valid node");
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> graph.backwardsPlan(key("inv.0002_middle")))
			.withMessage("Node ('inv', '0002_middle') not a valid node");
	}

	@Test
	void missingParentIsReportedWithDjangosMessage() {
		MigrationGraph graph = graph("blog.0001_initial", "blog.0002_bad");
		depend(graph, "blog.0002_bad", "blog.0001_initial");
		graph.addDependency(key("blog.0002_bad"), key("blog.0002_bad"), key("shop.0009_missing"));
		assertThatExceptionOfType(NodeNotFoundException.class).isThrownBy(graph::validateConsistency)
			.withMessage("Migration blog.0002_bad dependencies reference nonexistent parent node ('shop', '0009_missing')")
			.satisfies((ex) -> {
				assertThat(ex.node()).isEqualTo(key("shop.0009_missing"));
				assertThat(ex.origin()).isEqualTo(key("blog.0002_bad"));
			});
	}

	@Test
	void missingChildIsReportedWithDjangosMessage() {
		MigrationGraph graph = graph("app_a.0001");
		graph.addDependency(key("app_a.0002"), key("app_a.0002"), key("app_a.0001"));
		assertThatExceptionOfType(NodeNotFoundException.class).isThrownBy(graph::validateConsistency)
			.withMessage("Migration app_a.0002 dependencies reference nonexistent child node ('app_a', '0002')");
	}

	/**
	 * <pre>
	 * blog:  0001_initial <-- 0002_bad <--> 0003_bad
	 * </pre>
	 */
	@Test
	void cycleIsReportedAsItsMigrations() {
		MigrationGraph graph = graph("blog.0001_initial", "blog.0002_bad", "blog.0003_bad");
		depend(graph, "blog.0002_bad", "blog.0001_initial");
		depend(graph, "blog.0002_bad", "blog.0003_bad");
		depend(graph, "blog.0003_bad", "blog.0002_bad");
		assertThatExceptionOfType(CircularDependencyException.class).isThrownBy(graph::ensureNotCyclic)
			.withMessage("blog.0002_bad, blog.0003_bad");
	}

	/**
	 * <pre>
	 * app_a:  0001 <-- 0002 <-- 0003 <-- app_b.0001 <-- app_b.0002 <-- app_a.0001
	 * (X <-- Y means Y depends on X)
	 * </pre>
	 */
	@Test
	void cycleAcrossAppsIsDetected() {
		MigrationGraph graph = graph("app_a.0001", "app_a.0002", "app_a.0003", "app_b.0001", "app_b.0002");
		depend(graph, "app_a.0003", "app_a.0002");
		depend(graph, "app_a.0002", "app_a.0001");
		depend(graph, "app_a.0001", "app_b.0002");
		depend(graph, "app_b.0002", "app_b.0001");
		depend(graph, "app_b.0001", "app_a.0003");
		assertThatExceptionOfType(CircularDependencyException.class).isThrownBy(graph::ensureNotCyclic)
			.withMessage("app_a.0001, app_a.0002, app_a.0003, app_b.0001, app_b.0002");
	}

	@Test
	void selfDependencyIsACycle() {
		MigrationGraph graph = graph("app_a.0001");
		depend(graph, "app_a.0001", "app_a.0001");
		assertThatExceptionOfType(CircularDependencyException.class).isThrownBy(graph::ensureNotCyclic)
			.withMessage("app_a.0001");
	}

	/**
	 * <pre>
	 * aa.0001 &lt;-- b.0001 ... b.0300 (each depends on aa.0001 only)
	 * aa.0001 &lt;-- z.0001 &lt;-- z.0002 &lt;-- z.0001 (a cycle behind the last child of aa.0001)
	 * </pre>
	 * The walk returns to aa.0001 after each of its 300 acyclic children and must go on to the
	 * last one to find the cycle.
	 */
	@Test
	void cycleBehindTheLastOfManyChildrenIsFound() {
		List<String> names = new ArrayList<>(List.of("aa.0001", "z.0001", "z.0002"));
		for (int i = 1; i <= 300; i++) {
			names.add(String.format("b.%04d", i));
		}
		MigrationGraph graph = graph(names.toArray(String[]::new));
		for (int i = 1; i <= 300; i++) {
			depend(graph, String.format("b.%04d", i), "aa.0001");
		}
		depend(graph, "z.0001", "aa.0001");
		depend(graph, "z.0002", "z.0001");
		depend(graph, "z.0001", "z.0002");
		assertThatExceptionOfType(CircularDependencyException.class).isThrownBy(graph::ensureNotCyclic)
			.withMessage("z.0001, z.0002");
	}

	@Test
	void acyclicGraphPassesTheCycleCheck() {
		MigrationGraph graph = graph("a.1", "a.2", "b.1");
		depend(graph, "a.2", "a.1");
		depend(graph, "a.2", "b.1");
		graph.ensureNotCyclic();
		graph.validateConsistency();
		assertThat(graph.forwardsPlan(key("a.2"))).containsExactly(keys("b.1", "a.1", "a.2"));
	}

	@Test
	void longChainIsPlannedWithoutRecursion() {
		MigrationGraph graph = new MigrationGraph();
		List<MigrationKey> expected = new ArrayList<>();
		for (int i = 1; i <= 5000; i++) {
			MigrationKey key = new MigrationKey("app_a", String.format("%05d", i));
			graph.addNode(key, migration(key));
			if (i > 1) {
				graph.addDependency(key, key, expected.get(expected.size() - 1));
			}
			expected.add(key);
		}
		graph.ensureNotCyclic();
		assertThat(graph.forwardsPlan(expected.get(expected.size() - 1))).isEqualTo(expected);
		Collections.reverse(expected);
		assertThat(graph.backwardsPlan(expected.get(expected.size() - 1))).isEqualTo(expected);
	}

	@Test
	void makeStateReplaysTheCombinedPlansInOrder() {
		MigrationGraph graph = new MigrationGraph();
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		add(graph, "shop.0001_initial", new CreateModel("Product", fields, null));
		add(graph, "shop.0002_sku", new AddField("product", "sku", FieldState.of(new FieldType.CharField(20)), true));
		add(graph, "blog.0001_initial", new CreateModel("Post", fields, null));
		depend(graph, "shop.0002_sku", "shop.0001_initial");
		depend(graph, "blog.0001_initial", "shop.0001_initial");
		ProjectState atEnd = graph.makeState(graph.leafNodes(), true);
		assertThat(atEnd.models().keySet()).containsExactly(new ModelKey("shop", "product"),
				new ModelKey("blog", "post"));
		assertThat(atEnd.model("shop", "product").fields()).containsKeys("id", "sku");
		ProjectState before = graph.makeState(List.of(key("shop.0002_sku")), false);
		assertThat(before.model("shop", "product").fields()).containsOnlyKeys("id");
		assertThat(graph.plan(graph.leafNodes(), true))
			.containsExactly(keys("shop.0001_initial", "blog.0001_initial", "shop.0002_sku"));
		assertThat(graph.makeState(List.of(), true)).isEqualTo(ProjectState.empty());
	}

	/**
	 * <pre>
	 * app_a:  0001 <-- 0002 <-- app_b.0001     (squash app_a.0001_squashed_0002 replaces both)
	 * </pre>
	 */
	@Test
	void removeReplacedNodesRepointsEdgesToTheReplacement() {
		MigrationGraph graph = graph("app_a.0001", "app_a.0002", "app_b.0001", "app_a.0001_squashed_0002");
		depend(graph, "app_a.0002", "app_a.0001");
		depend(graph, "app_b.0001", "app_a.0002");
		graph.removeReplacedNodes(key("app_a.0001_squashed_0002"), List.of(keys("app_a.0001", "app_a.0002")));
		assertThat(graph.nodes()).containsExactly(keys("app_a.0001_squashed_0002", "app_b.0001"));
		assertThat(graph.parents(key("app_b.0001"))).containsExactly(keys("app_a.0001_squashed_0002"));
		assertThat(graph.children(key("app_a.0001_squashed_0002"))).containsExactly(keys("app_b.0001"));
		assertThat(graph.parents(key("app_a.0001_squashed_0002"))).isEmpty();
	}

	@Test
	void removeReplacedNodesRemovesDummiesForDeletedFiles() {
		MigrationGraph graph = graph("app_a.0001_squashed_0002", "app_b.0001");
		graph.addDependency(key("app_b.0001"), key("app_b.0001"), key("app_a.0002"));
		graph.removeReplacedNodes(key("app_a.0001_squashed_0002"), List.of(keys("app_a.0001", "app_a.0002")));
		graph.validateConsistency();
		assertThat(graph.forwardsPlan(key("app_b.0001")))
			.containsExactly(keys("app_a.0001_squashed_0002", "app_b.0001"));
	}

	/**
	 * <pre>
	 * app_a:  0001 <-- 0002 <-- 0003
	 *         0001_squashed_0003 <-- app_a.0004
	 *                            \-- app_b.0001
	 * </pre>
	 */
	@Test
	void removeReplacementNodeAttachesItsChildrenToTheLastReplacedNode() {
		MigrationGraph graph = graph("app_a.0001", "app_a.0002", "app_a.0003", "app_a.0004",
				"app_a.0001_squashed_0003", "app_b.0001");
		depend(graph, "app_a.0002", "app_a.0001");
		depend(graph, "app_a.0003", "app_a.0002");
		depend(graph, "app_a.0004", "app_a.0001_squashed_0003");
		depend(graph, "app_b.0001", "app_a.0001_squashed_0003");
		graph.removeReplacementNode(key("app_a.0001_squashed_0003"),
				List.of(keys("app_a.0001", "app_a.0002", "app_a.0003")));
		assertThat(graph.nodes())
			.containsExactly(keys("app_a.0001", "app_a.0002", "app_a.0003", "app_a.0004", "app_b.0001"));
		assertThat(graph.parents(key("app_a.0004"))).containsExactly(keys("app_a.0003"));
		assertThat(graph.parents(key("app_b.0001"))).containsExactly(keys("app_a.0003"));
		assertThat(graph.children(key("app_a.0003"))).containsExactly(keys("app_a.0004", "app_b.0001"));
		assertThat(graph).hasToString("Graph: 5 nodes, 4 edges");
	}

	@Test
	void replacementMethodsRejectAnUnknownReplacement() {
		MigrationGraph graph = graph("app_a.0001");
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> graph.removeReplacedNodes(key("app_a.0001_squashed_0002"), List.of(key("app_a.0001"))))
			.withMessage("Unable to find replacement node ('app_a', '0001_squashed_0002'). It was either never added"
					+ " to the migration graph, or has been removed.");
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> graph.removeReplacementNode(key("app_a.0001_squashed_0002"), List.of(key("app_a.0001"))))
			.withMessage("Unable to remove replacement node ('app_a', '0001_squashed_0002'). It was either never"
					+ " added to the migration graph, or has been removed already.");
	}

	@Test
	void frozenGraphRefusesChangesButAnswersQuestions() {
		MigrationGraph graph = graph("a.1", "a.2");
		depend(graph, "a.2", "a.1");
		graph.freeze();
		assertThat(graph.isFrozen()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> graph.addNode(key("a.3"), migration(key("a.3"))));
		assertThatIllegalStateException().isThrownBy(() -> depend(graph, "a.1", "a.2"));
		assertThat(graph.contains(key("a.2"))).isTrue();
		assertThat(graph.contains(key("a.3"))).isFalse();
		assertThat(graph.migration(key("a.2")).key()).isEqualTo(key("a.2"));
	}

	@Test
	void addingTheSameNodeTwiceFails() {
		MigrationGraph graph = graph("a.1");
		assertThatIllegalStateException().isThrownBy(() -> graph.addNode(key("a.1"), migration(key("a.1"))))
			.withMessage("Migration a.1 is already in the graph");
	}

	private static MigrationGraph graph(String... keys) {
		MigrationGraph graph = new MigrationGraph();
		for (String text : keys) {
			graph.addNode(key(text), migration(key(text)));
		}
		return graph;
	}

	private static void add(MigrationGraph graph, String text, Operation... operations) {
		MigrationKey key = key(text);
		graph.addNode(key, Migration.of(key, List.of(), List.of(operations), false));
	}

	private static void depend(MigrationGraph graph, String child, String parent) {
		graph.addDependency(key(child), key(child), key(parent));
	}

	private static Migration migration(MigrationKey key) {
		return Migration.of(key, List.of(), List.of(), false);
	}

	private static MigrationKey key(String text) {
		return MigrationKey.parse(text);
	}

	private static MigrationKey[] keys(String... texts) {
		return Arrays.stream(texts).map(MigrationKey::parse).toArray(MigrationKey[]::new);
	}

}
