package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.migrations.model.ClassFile.AnnotationInfo;
import io.github.migrations.model.ClassFile.ClassValue;
import io.github.migrations.model.ClassFile.EnumValue;
import org.jspecify.annotations.Nullable;

/**
 * Turns an annotation read from a class file into an instance of its annotation type (a
 * {@link Proxy} over its values and the type's defaults), so that the reader's rules read it as
 * they read one from reflection. Class values are not loaded: {@link #classValue} gives them as a
 * {@link JavaType}, and their accessor fails. A value that does not fit its element's type fails
 * with a {@link ClassFileFormatException}, as reflection would fail when reading it.
 */
final class AnnotationProxies {

	/** Each annotation type's elements, their defaults, and how to make its instances. */
	private static final java.lang.ClassValue<Shape> SHAPES = new java.lang.ClassValue<>() {

		@Override
		protected Shape computeValue(Class<?> type) {
			List<Element> elements = new ArrayList<>();
			Map<String, Integer> indexes = new HashMap<>();
			for (Method method : type.getDeclaredMethods()) {
				if (method.getParameterCount() == 0 && !method.isSynthetic()) {
					Class<?> returnType = method.getReturnType();
					elements.add(new Element(method.getName(), returnType,
							returnType.isPrimitive() ? MethodType.methodType(returnType).wrap().returnType() : returnType,
							method.getDefaultValue()));
					indexes.put(method.getName(), elements.size() - 1);
				}
			}
			Object sample = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> null);
			try {
				Object[] defaults = new Object[elements.size()];
				for (int i = 0; i < defaults.length; i++) {
					defaults[i] = elements.get(i).defaultValue();
				}
				return new Shape(List.copyOf(elements), Map.copyOf(indexes), defaults,
						sample.getClass().getConstructor(InvocationHandler.class));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

	};

	/**
	 * An annotation type's elements, their positions by name, their defaults ({@code null} for
	 * none) and the constructor of its proxies.
	 */
	private record Shape(List<Element> elements, Map<String, Integer> indexes, @Nullable Object[] defaults,
			Constructor<?> constructor) {
	}

	/** One element: its name, its type (boxed too) and its default, or {@code null}. */
	private record Element(String name, Class<?> type, Class<?> boxed, @Nullable Object defaultValue) {
	}

	/**
	 * The annotations created, by what was read: an annotation is a value, so every field that
	 * declares the same one shares an instance, and a JVM that reads the models again creates none
	 * for class files it has read before.
	 */
	private static final Map<AnnotationInfo, Annotation> INSTANCES = new ConcurrentHashMap<>();

	/** The most annotations kept; past it the map starts again empty. */
	private static final int LIMIT = 50_000;

	private AnnotationProxies() {
	}

	/**
	 * Create an instance of the annotation type with the values read.
	 * @param <A> the annotation type
	 * @param type the annotation type, whose descriptor the annotation has
	 * @param info the annotation as read
	 * @param keep whether to share an equal annotation created before, and keep this one (not in a
	 * JVM's first read, where looking annotations up costs more than creating them)
	 * @return the annotation
	 */
	static <A extends Annotation> A create(Class<A> type, AnnotationInfo info, boolean keep) {
		if (!keep) {
			return instance(type, info);
		}
		Annotation known = INSTANCES.get(info);
		if (known != null && known.annotationType() == type) {
			return type.cast(known);
		}
		A created = instance(type, info);
		if (INSTANCES.size() >= LIMIT) {
			INSTANCES.clear();
		}
		INSTANCES.put(info, created);
		return created;
	}

	private static <A extends Annotation> A instance(Class<A> type, AnnotationInfo info) {
		Shape shape = SHAPES.get(type);
		Object[] values = shape.defaults().clone();
		for (Map.Entry<String, Object> entry : info.values().entrySet()) {
			Integer index = shape.indexes().get(entry.getKey());
			if (index == null) {
				// an element the annotation type no longer has: reflection ignores it
				continue;
			}
			Element element = shape.elements().get(index);
			Object value = entry.getValue();
			if (element.type() == Class.class) {
				if (!(value instanceof ClassValue)) {
					throw mismatch(type, element.name(), value);
				}
				values[index] = value;
			}
			else {
				values[index] = convert(type, element.name(), value, element.type(), element.boxed());
			}
		}
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null) {
				throw new ClassFileFormatException("@" + type.getName() + " has no value for " + shape.elements().get(i).name());
			}
			if (values[i] instanceof Class<?> defaultClass) {
				values[i] = new ClassValue(defaultClass.descriptorString());
			}
		}
		try {
			return type.cast(shape.constructor().newInstance(new Values(type, shape.indexes(), values)));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create an instance of @" + type.getName(), ex);
		}
	}

	/**
	 * Return a class-valued element of an annotation, without loading the class when the annotation
	 * was read from a class file.
	 * @param annotation the annotation
	 * @param name the element's name
	 * @param types how a class value's descriptor becomes a type, for an annotation read from a
	 * class file
	 * @return the type
	 */
	static JavaType classValue(Annotation annotation, String name, Function<String, JavaType> types) {
		if (Proxy.isProxyClass(annotation.getClass())
				&& Proxy.getInvocationHandler(annotation) instanceof Values values) {
			return types.apply(((ClassValue) values.values[values.indexes.get(name)]).descriptor());
		}
		try {
			return new ReflectedType((Class<?>) annotation.annotationType().getMethod(name).invoke(annotation));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " has no " + name, ex);
		}
	}

	private static Object convert(Class<?> type, String name, Object value, Class<?> target, Class<?> boxed) {
		if (target.isArray()) {
			if (!(value instanceof List<?> list)) {
				throw mismatch(type, name, value);
			}
			Object array = Array.newInstance(target.getComponentType(), list.size());
			for (int i = 0; i < list.size(); i++) {
				Class<?> component = target.getComponentType();
				Array.set(array, i, convert(type, name, list.get(i), component,
						component.isPrimitive() ? MethodType.methodType(component).wrap().returnType() : component));
			}
			return array;
		}
		if (target.isEnum()) {
			if (!(value instanceof EnumValue constant) || !constant.descriptor().equals(descriptor(target))) {
				throw mismatch(type, name, value);
			}
			for (Object candidate : target.getEnumConstants()) {
				if (((Enum<?>) candidate).name().equals(constant.name())) {
					return candidate;
				}
			}
			throw mismatch(type, name, value);
		}
		if (target.isAnnotation()) {
			if (!(value instanceof AnnotationInfo nested) || !nested.descriptor().equals(descriptor(target))) {
				throw mismatch(type, name, value);
			}
			return instance(target.asSubclass(Annotation.class), nested);
		}
		if (!boxed.isInstance(value) || target == Class.class) {
			throw mismatch(type, name, value);
		}
		return value;
	}

	private static ClassFileFormatException mismatch(Class<?> type, String name, Object value) {
		return new ClassFileFormatException("@" + type.getName() + "." + name + " cannot be " + value);
	}

	static String descriptor(Class<?> type) {
		return DESCRIPTORS.get(type);
	}

	private static final java.lang.ClassValue<String> DESCRIPTORS = new java.lang.ClassValue<>() {

		@Override
		protected String computeValue(Class<?> type) {
			return type.descriptorString();
		}

	};

	/** The handler of the proxies: the values by element position. */
	private static final class Values implements InvocationHandler {

		private final Class<? extends Annotation> type;

		private final Map<String, Integer> indexes;

		private final Object[] values;

		Values(Class<? extends Annotation> type, Map<String, Integer> indexes, Object[] values) {
			this.type = type;
			this.indexes = indexes;
			this.values = values;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) {
			String name = method.getName();
			Integer index = this.indexes.get(name);
			if (index == null || method.getParameterCount() != 0) {
				return switch (name) {
					case "annotationType" -> this.type;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> text();
					default -> throw new IllegalStateException("@" + this.type.getSimpleName() + " has no " + name);
				};
			}
			Object value = this.values[index];
			if (value instanceof ClassValue) {
				throw new IllegalStateException("@" + this.type.getSimpleName() + "." + name
						+ " was read from a class file; read it with AnnotationProxies.classValue");
			}
			return value.getClass().isArray() ? cloneArray(value) : value;
		}

		private String text() {
			StringBuilder text = new StringBuilder("@").append(this.type.getName()).append('(');
			this.indexes.forEach((element, index) -> text.append(element).append('=').append(this.values[index]).append(' '));
			return text.append(')').toString();
		}

		private static Object cloneArray(Object array) {
			int length = Array.getLength(array);
			Object copy = Array.newInstance(array.getClass().getComponentType(), length);
			System.arraycopy(array, 0, copy, 0, length);
			return copy;
		}

	}

}
