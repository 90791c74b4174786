package io.github.migrations.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ProjectState}: derived states share structure but behave as copies of a
 * {@link LinkedHashMap}, order included.
 */
class ProjectStateTests {

	@Test
	void aLongRunOfChangesMatchesALinkedHashMapAtEveryStepAndLeavesEarlierStatesAlone() {
		Random random = new Random(42);
		Map<ModelKey, ModelState> expected = new LinkedHashMap<>();
		ProjectState state = ProjectState.empty();
		List<ProjectState> states = new ArrayList<>();
		List<Map<ModelKey, ModelState>> snapshots = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			int choice = random.nextInt(10);
			if (choice == 0 && !expected.isEmpty()) {
				ModelKey key = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
				expected.remove(key);
				state = state.withoutModel(key.app(), key.name());
			}
			else {
				ModelState model = model("m" + random.nextInt(400), "t" + i);
				expected.put(model.key(), model);
				state = state.withModel(model);
			}
			assertThat(state.models().size()).isEqualTo(expected.size());
			if (i % 97 == 0) {
				assertThat(new ArrayList<>(state.models().entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
				states.add(state);
				snapshots.add(new LinkedHashMap<>(expected));
			}
		}
		for (int i = 0; i < states.size(); i++) {
			assertThat(new ArrayList<>(states.get(i).models().entrySet()))
				.isEqualTo(new ArrayList<>(snapshots.get(i).entrySet()));
			assertThat(states.get(i)).isEqualTo(new ProjectState(snapshots.get(i)));
		}
	}

	@Test
	void withFallbackAddsOnlyTheModelsThisStateLacksAfterItsOwn() {
		ProjectState before = ProjectState.empty().withModel(model("a", "x")).withModel(model("b", "x"));
		ProjectState after = before.withoutModel("shop", "a").withModel(model("c", "x"));
		ProjectState combined = after.withFallback(before);
		assertThat(combined.models().keySet()).extracting(ModelKey::name).containsExactly("b", "c", "a");
		ProjectState grown = before.withModel(model("c", "x"));
		assertThat(grown.withFallback(before)).isSameAs(grown);
	}

	@Test
	void modelsChangedSinceAnEarlierStateAreOnlyThosePutSinceOrAllAfterARemoval() {
		ProjectState before = ProjectState.empty().withModel(model("a", "x")).withModel(model("b", "x"));
		ProjectState after = before.withModel(model("a", "y")).withModel(model("c", "x"));
		assertThat(after.modelsChangedSince(before)).extracting(ModelState::name).containsExactly("a", "c");
		assertThat(after.modelsChangedSince(after)).isEmpty();
		ProjectState removed = after.withoutModel("shop", "b");
		assertThat(removed.modelsChangedSince(after)).extracting(ModelState::name).containsExactly("a", "c");
	}

	@Test
	void aStateThatStartsANewFlatMapStillKnowsWhatChangedSinceTheStateItWasMadeFromAndNeedsNoFallback() {
		ProjectState before = ProjectState.empty();
		for (int i = 0; i < 100; i++) {
			ProjectState next = before.withModel(model("m" + i, "x"));
			assertThat(next.modelsChangedSince(before)).extracting(ModelState::name).containsExactly("m" + i);
			assertThat(next.withFallback(before)).isSameAs(next);
			ProjectState replaced = next.withModel(model("m0", "y"));
			assertThat(replaced.modelsChangedSince(before)).extracting(ModelState::name).contains("m" + i, "m0");
			before = next;
		}
		assertThat(before.models()).hasSize(100);
	}

	@Test
	void removingAMissingModelNamesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProjectState.empty().withoutModel("shop", "nope"))
			.withMessageContaining("nope");
	}

	private static ModelState model(String name, String table) {
		return new ModelState("shop", name, Map.of(), table);
	}

}
