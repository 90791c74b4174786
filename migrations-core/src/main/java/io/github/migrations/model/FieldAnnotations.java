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

import io.github.migrations.InvalidModelException;
import io.github.migrations.model.JavaType.ModelField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.OnDelete;
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

	/**
	 * The Java types each field annotation accepts (none listed: any); the annotation's own
	 * attributes become a {@link FieldType} in {@link #fieldType}. A map and an {@code instanceof}
	 * chain rather than a lambda per annotation: in a fresh JVM each lambda is a class to spin.
	 */
	private static final Map<Class<? extends Annotation>, Set<Class<?>>> KINDS = Map.ofEntries(
			Map.entry(CharField.class, STRING), Map.entry(TextField.class, STRING), Map.entry(SlugField.class, STRING),
			Map.entry(EmailField.class, STRING), Map.entry(URLField.class, STRING), Map.entry(IntegerField.class, INT),
			Map.entry(SmallIntegerField.class, SHORT), Map.entry(BigIntegerField.class, LONG),
			Map.entry(PositiveIntegerField.class, INT),
			Map.entry(PositiveSmallIntegerField.class, Set.of(short.class, Short.class, int.class, Integer.class)),
			Map.entry(PositiveBigIntegerField.class, LONG),
			Map.entry(FloatField.class, Set.of(double.class, Double.class, float.class, Float.class)),
			Map.entry(BooleanField.class, Set.of(boolean.class, Boolean.class)),
			Map.entry(DecimalField.class, Set.of(BigDecimal.class)), Map.entry(DateField.class, ModelReader.DATE_TYPES),
			Map.entry(DateTimeField.class, ModelReader.DATE_TIME_TYPES), Map.entry(TimeField.class, Set.of(LocalTime.class)),
			Map.entry(DurationField.class, Set.of(Duration.class)), Map.entry(UUIDField.class, Set.of(UUID.class)),
			Map.entry(BinaryField.class, Set.of(byte[].class)), Map.entry(JSONField.class, Set.of()),
			Map.entry(AutoField.class, INT), Map.entry(BigAutoField.class, LONG), Map.entry(SmallAutoField.class, SHORT));

	/** The field types of the annotations without attributes of their own. */
	private static final Map<Class<? extends Annotation>, FieldType> PLAIN = Map.ofEntries(
			Map.entry(TextField.class, new FieldType.TextField()), Map.entry(IntegerField.class, new FieldType.IntegerField()),
			Map.entry(SmallIntegerField.class, new FieldType.SmallIntegerField()),
			Map.entry(BigIntegerField.class, new FieldType.BigIntegerField()),
			Map.entry(PositiveIntegerField.class, new FieldType.PositiveIntegerField()),
			Map.entry(PositiveSmallIntegerField.class, new FieldType.PositiveSmallIntegerField()),
			Map.entry(PositiveBigIntegerField.class, new FieldType.PositiveBigIntegerField()),
			Map.entry(FloatField.class, new FieldType.FloatField()), Map.entry(BooleanField.class, new FieldType.BooleanField()),
			Map.entry(DateField.class, new FieldType.DateField()), Map.entry(DateTimeField.class, new FieldType.DateTimeField()),
			Map.entry(TimeField.class, new FieldType.TimeField()), Map.entry(DurationField.class, new FieldType.DurationField()),
			Map.entry(UUIDField.class, new FieldType.UUIDField()), Map.entry(JSONField.class, new FieldType.JSONField()),
			Map.entry(AutoField.class, new FieldType.AutoField()), Map.entry(BigAutoField.class, new FieldType.BigAutoField()),
			Map.entry(SmallAutoField.class, new FieldType.SmallAutoField()));

	private static FieldType fieldType(Annotation a) {
		if (a instanceof CharField f) {
			return new FieldType.CharField(f.maxLength());
		}
		if (a instanceof SlugField f) {
			return new FieldType.SlugField(f.maxLength());
		}
		if (a instanceof EmailField f) {
			return new FieldType.EmailField(f.maxLength());
		}
		if (a instanceof URLField f) {
			return new FieldType.URLField(f.maxLength());
		}
		if (a instanceof DecimalField f) {
			return new FieldType.DecimalField(f.maxDigits(), f.decimalPlaces());
		}
		if (a instanceof BinaryField f) {
			return new FieldType.BinaryField((f.maxLength() < 0) ? null : f.maxLength());
		}
		return PLAIN.get(a.annotationType());
	}

	private static boolean accepts(Set<Class<?>> javaTypes, JavaType javaType) {
		for (Class<?> accepted : javaTypes) {
			if (javaType.is(accepted)) {
				return true;
			}
		}
		return false;
	}

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
					fk.onDelete(), fk.dbConstraint());
		}
		else if (annotation instanceof OneToOneField o2o) {
			type = new FieldType.OneToOneField(
					relation(where, javaType, owner.classValue(o2o, "to"), "OneToOneField"), o2o.onDelete(),
					o2o.dbConstraint());
		}
		else {
			Set<Class<?>> javaTypes = KINDS.get(annotation.annotationType());
			if (javaTypes == null) {
				throw new InvalidModelException(where + ": @" + annotation.annotationType().getSimpleName()
						+ " is not a supported field annotation.");
			}
			checkLengths(where, annotation);
			if (javaType.isEnum() && annotation instanceof CharField) {
				choices = javaType.enumConstants();
			}
			else if (!javaTypes.isEmpty() && !accepts(javaTypes, javaType)) {
				throw new InvalidModelException(where + ": @" + annotation.annotationType().getSimpleName()
						+ " cannot hold a " + javaType.simpleName() + ". Use one of "
						+ javaTypes.stream().map(Class::getSimpleName).sorted().toList()
						+ ((annotation instanceof CharField) ? " or an enum" : "") + ", or another field annotation.");
			}
			type = fieldType(annotation);
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
		checkDatabaseOnDelete(where, type, nullable, canonicalDbDefault);
		return new FieldState(type, nullable, canonicalDefault, (Boolean) attribute(annotation, handler, "unique"),
				(Boolean) attribute(annotation, handler, "dbIndex"), dbColumn.isEmpty() ? null : dbColumn, primaryKey,
				canonicalDbDefault, dbComment.isEmpty() ? null : dbComment, choices);
	}

	/**
	 * Django's checks of a database-level {@code on_delete}: {@code DB_SET_NULL} needs a nullable
	 * column, {@code DB_SET_DEFAULT} a database default, and each needs the foreign key
	 * constraint that holds the rule.
	 */
	private static void checkDatabaseOnDelete(String where, FieldType type, boolean nullable,
			@Nullable String dbDefault) {
		OnDelete onDelete = type.onDelete();
		if (onDelete == null || onDelete.databaseRule() == null) {
			return;
		}
		String annotation = "@" + type.typeName() + "(onDelete = " + onDelete + ")";
		if (!type.dbConstraint()) {
			throw new InvalidModelException(where + ": " + annotation + " is kept by the foreign key constraint, which"
					+ " dbConstraint = false leaves out. Remove dbConstraint = false, or use the application's "
					+ onDelete.name().substring(3) + ".");
		}
		if (onDelete == OnDelete.DB_SET_NULL && !nullable) {
			throw new InvalidModelException(where + ": " + annotation + " sets the column to NULL, but it is not"
					+ " nullable. Add nullable = true, or choose another onDelete.");
		}
		if (onDelete == OnDelete.DB_SET_DEFAULT && dbDefault == null) {
			throw new InvalidModelException(where + ": " + annotation + " sets the column to its database default,"
					+ " but it has none. Add dbDefault = \"...\", or choose another onDelete.");
		}
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
		return FieldState.of(new FieldType.ManyToManyField(to, through, m2m.dbConstraint()));
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
