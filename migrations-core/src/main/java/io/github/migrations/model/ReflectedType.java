package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@link JavaType} backed by a loaded class, read by reflection.
 *
 * @param type the class
 */
record ReflectedType(Class<?> type) implements JavaType {

	@Override
	public String name() {
		return this.type.getName();
	}

	@Override
	public String simpleName() {
		return this.type.getSimpleName();
	}

	@Override
	public String packageName() {
		return this.type.getPackageName();
	}

	@Override
	public boolean isEnum() {
		return this.type.isEnum();
	}

	@Override
	public List<String> enumConstants() {
		return Arrays.stream(this.type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList();
	}

	@Override
	public boolean isCollection() {
		return Collection.class.isAssignableFrom(this.type);
	}

	@Override
	public <A extends Annotation> @Nullable A annotation(Class<A> annotationType) {
		return this.type.getAnnotation(annotationType);
	}

	@Override
	public <A extends Annotation> List<A> annotationsByType(Class<A> annotationType) {
		return List.of(this.type.getAnnotationsByType(annotationType));
	}

	@Override
	public JavaType classValue(Annotation annotation, String name) {
		return AnnotationProxies.classValue(annotation, name, (descriptor) -> {
			throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + "." + name
					+ " of a loaded class was read from a class file");
		});
	}

	@Override
	public List<ModelField> fields() {
		List<ModelField> fields = new ArrayList<>();
		for (Field field : this.type.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
				fields.add(new ModelField(field.getName(), new ReflectedType(field.getType()),
						List.of(field.getAnnotations())));
			}
		}
		return fields;
	}

}
