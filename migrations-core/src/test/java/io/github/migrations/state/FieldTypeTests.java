package io.github.migrations.state;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FieldType}'s written-out equality: for every type, built through its canonical
 * constructor, equal to a twin, different from a value differing in any one component, from
 * other types and from {@code null}, and hashed as its twin.
 */
class FieldTypeTests {

	@Test
	void everyTypeIsEqualExactlyWhenItsClassAndEveryComponentAre() throws Exception {
		Class<?>[] types = FieldType.class.getPermittedSubclasses();
		assertThat(types).hasSizeGreaterThan(20);
		for (Class<?> type : types) {
			RecordComponent[] components = type.getRecordComponents();
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				values[i] = sample(components[i], false);
			}
			FieldType value = create(type, values);
			FieldType twin = create(type, values.clone());
			assertThat(value).as(type.getSimpleName()).isEqualTo(twin).hasSameHashCodeAs(twin);
			assertThat(value.equals(null)).as(type.getSimpleName()).isFalse();
			for (int i = 0; i < components.length; i++) {
				Object[] changed = values.clone();
				changed[i] = sample(components[i], true);
				assertThat(value).as(type.getSimpleName() + "." + components[i].getName())
					.isNotEqualTo(create(type, changed));
			}
			for (FieldType other : others(types, type)) {
				assertThat(value).as(type.getSimpleName() + " vs " + other).isNotEqualTo(other);
			}
		}
	}

	@Test
	void typesWithoutComponentsAreEqualToAnyInstanceOfTheirClass() {
		assertThat(new FieldType.TextField()).isEqualTo(new FieldType.TextField())
			.isNotEqualTo(new FieldType.JSONField())
			.isNotEqualTo(new FieldType.CharField(10));
		assertThat(new FieldType.CharField(10)).isEqualTo(new FieldType.CharField(10))
			.isNotEqualTo(new FieldType.SlugField(10));
	}

	private static List<FieldType> others(Class<?>[] types, Class<?> except) throws Exception {
		List<FieldType> others = new ArrayList<>();
		for (Class<?> type : types) {
			if (type != except) {
				RecordComponent[] components = type.getRecordComponents();
				Object[] values = new Object[components.length];
				for (int i = 0; i < components.length; i++) {
					values[i] = sample(components[i], false);
				}
				others.add(create(type, values));
			}
		}
		return others;
	}

	private static FieldType create(Class<?> type, Object[] values) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] parameters = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			parameters[i] = components[i].getType();
		}
		Constructor<?> constructor = type.getDeclaredConstructor(parameters);
		return (FieldType) constructor.newInstance(values);
	}

	private static Object sample(RecordComponent component, boolean other) {
		Class<?> type = component.getType();
		if (type == int.class) {
			// valid for every type: max_length > 0, decimal places <= max digits (5 then 6, 2 then 3)
			boolean places = component.getName().equals("decimalPlaces");
			return places ? (other ? 3 : 2) : (other ? 6 : 5);
		}
		if (type == Integer.class) {
			return other ? null : 5;
		}
		if (type == boolean.class) {
			return !other;
		}
		if (type == OnDelete.class) {
			return OnDelete.values()[other ? 1 : 0];
		}
		if (type == String.class) {
			if (component.getName().equals("through")) {
				return other ? null : "app.through";
			}
			return other ? "app.other" : "app.model";
		}
		throw new IllegalStateException("No sample for " + component + ": add one");
	}

}
