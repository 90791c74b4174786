package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.github.migrations.InvalidModelException;
import io.github.migrations.model.JavaType.ModelField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * Turns one field annotation into a {@link FieldState}, checking the Java type and the defaults.
 * Each annotation has one row: the Java types it accepts and how its own attributes become a
 * {@link FieldType}; the options shared by all annotations are read the same way for all.
 */
final class FieldAnnotations {

	private static final Set<Class<?>> STRING = Set.of(String.class);

	private static final Set<Class<?>> INT = Set.of(int.class, Integer.class);

	private static final Set<Class<?>> SHORT = Set.of(short.class, Short.class);

	private static final Set<Class<?>> LONG = Set.of(long.class, Long.class);

	private record Kind(Set<Class<?>> javaTypes, Function<Annotation, FieldType> type) {

		boolean accepts(JavaType javaType) {
			for (Class<?> accepted : this.javaTypes) {
				if (javaType.is(accepted)) {
					return true;
				}
			}
			return false;
		}

	}

	private static final Map<Class<? extends Annotation>, Kind> KINDS = Map.ofEntries(
			Map.entry(CharField.class, new Kind(STRING, (a) -> new FieldType.CharField(((CharField) a).maxLength()))),
			Map.entry(TextField.class, new Kind(STRING, (a) -> new FieldType.TextField())),
			Map.entry(SlugField.class, new Kind(STRING, (a) -> new FieldType.SlugField(((SlugField) a).maxLength()))),
			Map.entry(EmailField.class, new Kind(STRING, (a) -> new FieldType.EmailField(((EmailField) a).maxLength()))),
			Map.entry(URLField.class, new Kind(STRING, (a) -> new FieldType.URLField(((URLField) a).maxLength()))),
			Map.entry(IntegerField.class, new Kind(INT, (a) -> new FieldType.IntegerField())),
			Map.entry(SmallIntegerField.class, new Kind(SHORT, (a) -> new FieldType.SmallIntegerField())),
			Map.entry(BigIntegerField.class, new Kind(LONG, (a) -> new FieldType.BigIntegerField())),
			Map.entry(PositiveIntegerField.class, new Kind(INT, (a) -> new FieldType.PositiveIntegerField())),
			Map.entry(PositiveSmallIntegerField.class,
					new Kind(Set.of(short.class, Short.class, int.class, Integer.class),
							(a) -> new FieldType.PositiveSmallIntegerField())),
			Map.entry(PositiveBigIntegerField.class, new Kind(LONG, (a) -> new FieldType.PositiveBigIntegerField())),
			Map.entry(FloatField.class, new Kind(Set.of(double.class, Double.class, float.class, Float.class),
					(a) -> new FieldType.FloatField())),
			Map.entry(BooleanField.class, new Kind(Set.of(boolean.class, Boolean.class), (a) -> new FieldType.BooleanField())),
			Map.entry(DecimalField.class, new Kind(Set.of(BigDecimal.class),
					(a) -> new FieldType.DecimalField(((DecimalField) a).maxDigits(), ((DecimalField) a).decimalPlaces()))),
			Map.entry(DateField.class, new Kind(ModelReader.DATE_TYPES, (a) -> new FieldType.DateField())),
			Map.entry(DateTimeField.class, new Kind(ModelReader.DATE_TIME_TYPES, (a) -> new FieldType.DateTimeField())),
			Map.entry(TimeField.class, new Kind(Set.of(LocalTime.class), (a) -> new FieldType.TimeField())),
			Map.entry(DurationField.class, new Kind(Set.of(Duration.class), (a) -> new FieldType.DurationField())),
			Map.entry(UUIDField.class, new Kind(Set.of(UUID.class), (a) -> new FieldType.UUIDField())),
			Map.entry(BinaryField.class, new Kind(Set.of(byte[].class), (a) -> new FieldType.BinaryField(
					(((BinaryField) a).maxLength() < 0) ? null : ((BinaryField) a).maxLength()))),
			Map.entry(JSONField.class, new Kind(Set.of(), (a) -> new FieldType.JSONField())),
			Map.entry(AutoField.class, new Kind(INT, (a) -> new FieldType.AutoField())),
			Map.entry(BigAutoField.class, new Kind(LONG, (a) -> new FieldType.BigAutoField())),
			Map.entry(SmallAutoField.class, new Kind(SHORT, (a) -> new FieldType.SmallAutoField())));

	private FieldAnnotations() {
	}

	/**
	 * Return the field annotation types with a row here (all but the relations).
	 * @return the annotation types
	 */
	static Set<Class<? extends Annotation>> types() {
		return KINDS.keySet();
	}

	static FieldState toState(JavaType owner, ModelField field, Annotation annotation) {
		String where = ModelReader.where(owner, field);
		JavaType javaType = field.type();
		if (annotation instanceof ManyToManyField m2m) {
			return manyToMany(owner, where, javaType, m2m);
		}
		FieldType type;
		List<String> choices = List.of();
		if (annotation instanceof ForeignKey fk) {
			type = new FieldType.ForeignKey(relation(where, javaType, owner.classValue(fk, "to"), "ForeignKey"),
					fk.onDelete());
		}
		else if (annotation instanceof OneToOneField o2o) {
			type = new FieldType.OneToOneField(
					relation(where, javaType, owner.classValue(o2o, "to"), "OneToOneField"), o2o.onDelete());
		}
		else {
			Kind kind = KINDS.get(annotation.annotationType());
			if (kind == null) {
				throw new InvalidModelException(where + ": @" + annotation.annotationType().getSimpleName()
						+ " is not a supported field annotation.");
			}
			checkLengths(where, annotation);
			if (javaType.isEnum() && annotation instanceof CharField) {
				choices = javaType.enumConstants();
			}
			else if (!kind.javaTypes().isEmpty() && !kind.accepts(javaType)) {
				throw new InvalidModelException(where + ": @" + annotation.annotationType().getSimpleName()
						+ " cannot hold a " + javaType.simpleName() + ". Use one of "
						+ kind.javaTypes().stream().map(Class::getSimpleName).sorted().toList()
						+ ((annotation instanceof CharField) ? " or an enum" : "") + ", or another field annotation.");
			}
			type = kind.type().apply(annotation);
		}
		return common(where, type, annotation, choices);
	}

	private static FieldState common(String where, FieldType type, Annotation annotation, List<String> choices) {
		// the JDK's annotations are proxies: their handler gives what the accessor returns, without
		// Method.invoke generating an accessor class per attribute (costly in a fresh JVM)
		InvocationHandler handler = Proxy.isProxyClass(annotation.getClass()) ? Proxy.getInvocationHandler(annotation)
				: null;
		String defaultValue = (String) attribute(annotation, handler, "defaultValue");
		String dbDefault = (String) attribute(annotation, handler, "dbDefault");
		String dbColumn = (String) attribute(annotation, handler, "dbColumn");
		String dbComment = (String) attribute(annotation, handler, "dbComment");
		boolean primaryKey = (Boolean) attribute(annotation, handler, "primaryKey");
		boolean nullable = (Boolean) attribute(annotation, handler, "nullable");
		if (primaryKey && nullable) {
			throw new InvalidModelException(where + ": a primary key cannot be nullable. Remove nullable = true.");
		}
		String canonicalDefault = Fields.NOT_PROVIDED.equals(defaultValue) ? null
				: Defaults.canonical(where, type, defaultValue, choices, false);
		String canonicalDbDefault = Fields.NOT_PROVIDED.equals(dbDefault) ? null
				: Defaults.canonical(where, type, dbDefault, choices, true);
		return new FieldState(type, nullable, canonicalDefault, (Boolean) attribute(annotation, handler, "unique"),
				(Boolean) attribute(annotation, handler, "dbIndex"), dbColumn.isEmpty() ? null : dbColumn, primaryKey,
				canonicalDbDefault, dbComment.isEmpty() ? null : dbComment, choices);
	}

	private static void checkLengths(String where, Annotation annotation) {
		if (annotation instanceof CharField a) {
			positive(where, "CharField", a.maxLength(), " Use @TextField for unlimited text.");
		}
		else if (annotation instanceof SlugField a) {
			positive(where, "SlugField", a.maxLength(), "");
		}
		else if (annotation instanceof EmailField a) {
			positive(where, "EmailField", a.maxLength(), "");
		}
		else if (annotation instanceof URLField a) {
			positive(where, "URLField", a.maxLength(), "");
		}
		else if (annotation instanceof BinaryField a && a.maxLength() == 0) {
			throw new InvalidModelException(where + ": @BinaryField maxLength must be positive, or -1 for unlimited.");
		}
		else if (annotation instanceof DecimalField a
				&& (a.maxDigits() <= 0 || a.decimalPlaces() < 0 || a.decimalPlaces() > a.maxDigits())) {
			throw new InvalidModelException(where
					+ ": @DecimalField needs maxDigits > 0 and 0 <= decimalPlaces <= maxDigits, got maxDigits = "
					+ a.maxDigits() + ", decimalPlaces = " + a.decimalPlaces() + ".");
		}
	}

	private static void positive(String where, String annotation, int maxLength, String hint) {
		if (maxLength <= 0) {
			throw new InvalidModelException(
					where + ": @" + annotation + " maxLength must be positive, got " + maxLength + "." + hint);
		}
	}

	private static String relation(String where, JavaType javaType, JavaType target, String annotation) {
		if (target.annotation(Model.class) == null) {
			throw new InvalidModelException(where + ": @" + annotation + "(to = " + target.simpleName()
					+ ".class) points to a class that is not a model. Annotate " + target.name()
					+ " with @Model or point to a model class.");
		}
		if (!javaType.is(Long.class) && !javaType.is(long.class) && !javaType.is(target)) {
			throw new InvalidModelException(where + ": a @" + annotation + " field must be a Long (the referenced id) or a "
					+ target.simpleName() + ", not " + javaType.simpleName() + ".");
		}
		return ModelReader.keyOf(target).toString();
	}

	private static FieldState manyToMany(JavaType owner, String where, JavaType javaType, ManyToManyField m2m) {
		JavaType id = new ReflectedType(Long.class);
		String to = relation(where, id, owner.classValue(m2m, "to"), "ManyToManyField");
		if (!javaType.isCollection()) {
			throw new InvalidModelException(where + ": a @ManyToManyField field must be a List, Set or Collection, not "
					+ javaType.simpleName() + ".");
		}
		JavaType throughType = owner.classValue(m2m, "through");
		String through = throughType.is(void.class) ? null
				: relation(where, id, throughType, "ManyToManyField through");
		return FieldState.of(new FieldType.ManyToManyField(to, through));
	}

	/** The shared attributes' accessors of each annotation type, looked up once. */
	private static final ClassValue<Map<String, Method>> ATTRIBUTES = new ClassValue<>() {

		@Override
		protected Map<String, Method> computeValue(Class<?> type) {
			Map<String, Method> methods = new HashMap<>();
			for (Method method : type.getMethods()) {
				if (method.getParameterCount() == 0) {
					methods.putIfAbsent(method.getName(), method);
				}
			}
			return methods;
		}

	};

	/**
	 * Return an attribute's value, from the annotation's proxy handler when it has one (the same
	 * value as the accessor's), else through the accessor.
	 */
	private static Object attribute(Annotation annotation, @Nullable InvocationHandler handler, String name) {
		try {
			Method method = ATTRIBUTES.get(annotation.annotationType()).get(name);
			if (method == null) {
				method = annotation.annotationType().getMethod(name);
			}
			return (handler != null) ? handlerValue(handler, annotation, method) : method.invoke(annotation);
		}
		catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " has no " + name, ex);
		}
	}

	private static Object handlerValue(InvocationHandler handler, Annotation annotation, Method method)
			throws InvocationTargetException {
		try {
			return handler.invoke(annotation, method, null);
		}
		catch (Throwable ex) {
			// what Method.invoke would have wrapped
			throw new InvocationTargetException(ex);
		}
	}

}
