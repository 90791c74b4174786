package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A model class, or a type a model names (a field's type, a relation's target), as the reader sees
 * it: either a loaded {@link Class} ({@link ReflectedType}) or what its class file says
 * ({@link ClassFileType}), so that both give the reader the same answers.
 */
interface JavaType {

	/**
	 * Return the binary name, as {@link Class#getName()} gives it.
	 * @return the name
	 */
	String name();

	/**
	 * Return the simple name, as {@link Class#getSimpleName()} gives it.
	 * @return the simple name
	 */
	String simpleName();

	/**
	 * Return the package name, as {@link Class#getPackageName()} gives it.
	 * @return the package name
	 */
	String packageName();

	/**
	 * Return whether this is an enum type.
	 * @return {@code true} for an enum
	 */
	boolean isEnum();

	/**
	 * Return the names of the enum's constants, in order.
	 * @return the names
	 */
	List<String> enumConstants();

	/**
	 * Return whether values of this type are {@code java.util.Collection}s.
	 * @return {@code true} for a collection type
	 */
	boolean isCollection();

	/**
	 * Return the annotation of the given type present on this type (ours are not inherited).
	 * @param <A> the annotation type
	 * @param type the annotation type
	 * @return the annotation, or {@code null}
	 */
	<A extends Annotation> @Nullable A annotation(Class<A> type);

	/**
	 * Return the annotations of a repeatable type, as {@link Class#getAnnotationsByType(Class)}.
	 * @param <A> the annotation type
	 * @param type the annotation type
	 * @return the annotations, in order
	 */
	<A extends Annotation> List<A> annotationsByType(Class<A> type);

	/**
	 * Return a class-valued element of an annotation of this type or of one of its fields, as a
	 * type: read from its class file, the class is not loaded.
	 * @param annotation the annotation
	 * @param name the element's name
	 * @return the type
	 */
	JavaType classValue(Annotation annotation, String name);

	/**
	 * Return the declared instance fields (not static, not synthetic), in declaration order.
	 * @return the fields
	 */
	List<ModelField> fields();

	/**
	 * Return whether two types are the same type.
	 * @param other the other type
	 * @return {@code true} if both name the same class
	 */
	default boolean is(JavaType other) {
		return name().equals(other.name());
	}

	/**
	 * Return whether this type is the given class.
	 * @param type the class
	 * @return {@code true} if the names are equal
	 */
	default boolean is(Class<?> type) {
		return name().equals(type.getName());
	}

	/**
	 * One declared field of a model.
	 *
	 * @param name the Java name
	 * @param type the Java type
	 * @param annotations the field's annotations (at least those of the model package)
	 */
	record ModelField(String name, JavaType type, List<Annotation> annotations) {

		/**
		 * Return the field's annotation of the given type.
		 * @param <A> the annotation type
		 * @param annotationType the annotation type
		 * @return the annotation, or {@code null}
		 */
		<A extends Annotation> @Nullable A annotation(Class<A> annotationType) {
			for (Annotation annotation : this.annotations) {
				if (annotation.annotationType() == annotationType) {
					return annotationType.cast(annotation);
				}
			}
			return null;
		}

	}

}
