package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.migrations.InvalidModelException;
import io.github.migrations.model.JavaType.ModelField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link Model} classes into a {@link ProjectState}: Django's "state from apps". Invalid
 * declarations fail with an {@link InvalidModelException} naming {@code Class.field} and the fix.
 *
 * @since 0.1
 */
public final class ModelReader {

	private ModelReader() {
	}

	/**
	 * Read the given model classes.
	 * @param classes the classes annotated with {@link Model}
	 * @return the declared state and rename intents
	 */
	public static DeclaredModels read(Collection<Class<?>> classes) {
		List<JavaType> types = new ArrayList<>();
		for (Class<?> type : new LinkedHashSet<>(classes)) {
			types.add(new ReflectedType(type));
		}
		return readTypes(types);
	}

	/**
	 * Read the given model classes and the models among the classes a scan found, the latter from
	 * their class files without loading them where their class files say for certain what loading
	 * them would (see {@link ClassFileModels}): the same models and errors as
	 * {@code read(classes + scanned.load())}.
	 * @param classes the classes annotated with {@link Model}, read first
	 * @param scanned the classes a scan found
	 * @return the declared state and rename intents
	 */
	public static DeclaredModels read(Collection<Class<?>> classes, ScannedClasses scanned) {
		return ClassFileModels.read(classes, scanned);
	}

	static DeclaredModels readTypes(Collection<JavaType> classes) {
		Map<ModelKey, ModelState> models = new LinkedHashMap<>();
		Map<ModelKey, Map<String, String>> renames = new LinkedHashMap<>();
		Map<ModelKey, String> modelRenames = new LinkedHashMap<>();
		Map<ModelKey, JavaType> owners = new HashMap<>();
		for (JavaType type : classes) {
			ModelKey key = keyOf(type);
			JavaType previous = owners.putIfAbsent(key, type);
			if (previous != null && !previous.equals(type)) {
				throw new InvalidModelException("Models " + previous.name() + " and " + type.name()
						+ " are both '" + key + "'. Rename one class or give it another app with @Model(app = ...).");
			}
			if (previous == null) {
				Map<String, String> fieldRenames = new LinkedHashMap<>();
				models.put(key, readModel(type, key, fieldRenames));
				if (!fieldRenames.isEmpty()) {
					renames.put(key, fieldRenames);
				}
				RenamedFrom renamed = type.annotation(RenamedFrom.class);
				if (renamed != null) {
					modelRenames.put(key, renamed.value());
				}
			}
		}
		return new DeclaredModels(new ProjectState(models), renames, modelRenames);
	}

	/**
	 * Return the key of a model class: its app label and lower-case name.
	 * @param type the model class
	 * @return the key
	 */
	public static ModelKey keyOf(Class<?> type) {
		return keyOf(new ReflectedType(type));
	}

	static ModelKey keyOf(JavaType type) {
		Model model = type.annotation(Model.class);
		if (model == null) {
			throw new InvalidModelException(type.name() + " is not a model. Annotate it with @Model.");
		}
		return new ModelKey(appLabel(type, model), type.simpleName());
	}

	private static String appLabel(JavaType type, Model model) {
		if (!model.app().isEmpty()) {
			return model.app();
		}
		String pkg = type.packageName();
		String label = pkg.substring(pkg.lastIndexOf('.') + 1);
		if (label.isEmpty()) {
			throw new InvalidModelException(type.name()
					+ " is in the default package, so it has no app label. Move it to a package or set @Model(app = ...).");
		}
		return label;
	}

	private static ModelState readModel(JavaType type, ModelKey key, Map<String, String> renames) {
		Model model = type.annotation(Model.class);
		Map<String, FieldState> declared = new LinkedHashMap<>();
		Map<String, String> javaNames = new HashMap<>();
		Map<String, ModelField> columns = new HashMap<>();
		for (ModelField field : type.fields()) {
			FieldState state = readField(type, field);
			if (state == null) {
				continue;
			}
			String name = snakeCase(field.name());
			if (declared.containsKey(name)) {
				throw new InvalidModelException(where(type, field) + " clashes with the field '" + name
						+ "'. Rename the field.");
			}
			if (state.type().hasColumn()) {
				String column = state.column(name);
				ModelField owner = columns.putIfAbsent(column.toLowerCase(Locale.ROOT), field);
				if (owner != null) {
					throw new InvalidModelException(where(type, field) + " uses column '" + column + "' which "
							+ where(type, owner) + " already uses. Give one of them another dbColumn.");
				}
			}
			declared.put(name, state);
			javaNames.put(field.name(), name);
			RenamedFrom renamed = field.annotation(RenamedFrom.class);
			if (renamed != null) {
				renames.put(name, snakeCase(renamed.value()));
			}
		}
		Map<String, FieldState> fields = withPrimaryKey(type, declared);
		String table = model.table().isEmpty() ? null : model.table();
		ModelOptions options = new ModelOptions(List.of(model.ordering()),
				model.verboseName().isEmpty() ? null : model.verboseName(),
				model.verboseNamePlural().isEmpty() ? null : model.verboseNamePlural());
		return new ModelState(key.app(), type.simpleName(), fields, table,
				ModelMeta.indexes(type, fields, javaNames), ModelMeta.constraints(type, fields, javaNames), options);
	}

	private static Map<String, FieldState> withPrimaryKey(JavaType type, Map<String, FieldState> declared) {
		List<String> keys = new ArrayList<>();
		for (Map.Entry<String, FieldState> entry : declared.entrySet()) {
			if (entry.getValue().primaryKey()) {
				keys.add(entry.getKey());
			}
		}
		if (keys.size() > 1) {
			throw new InvalidModelException(type.simpleName() + " declares several primary keys " + keys
					+ ". Keep one (composite keys are not supported); use a UniqueConstraint for the others.");
		}
		if (!keys.isEmpty()) {
			return declared;
		}
		if (declared.containsKey("id")) {
			throw new InvalidModelException(type.simpleName() + ".id clashes with the implicit primary key 'id'. "
					+ "Rename the field, or make it the primary key with primaryKey = true.");
		}
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		fields.putAll(declared);
		return fields;
	}

	private static @Nullable FieldState readField(JavaType owner, ModelField field) {
		List<Annotation> found = new ArrayList<>();
		for (Annotation annotation : field.annotations()) {
			if (annotation.annotationType().getPackage() == Model.class.getPackage()
					&& annotation.annotationType() != RenamedFrom.class) {
				found.add(annotation);
			}
		}
		if (found.isEmpty()) {
			if (field.annotation(RenamedFrom.class) != null) {
				throw new InvalidModelException(where(owner, field)
						+ " has @RenamedFrom but no field annotation. Add one such as @CharField(maxLength = 100).");
			}
			return null;
		}
		if (found.size() > 1) {
			throw new InvalidModelException(where(owner, field) + " has several field annotations " + found
					+ ". Keep exactly one.");
		}
		return FieldAnnotations.toState(owner, field, found.get(0));
	}

	static String where(JavaType owner, ModelField field) {
		return owner.simpleName() + "." + field.name();
	}

	/**
	 * Convert a Java name to Django's snake case: {@code firstName} → {@code first_name}.
	 * @param name the Java name
	 * @return the snake-case name
	 */
	public static String snakeCase(String name) {
		StringBuilder result = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				boolean previousLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
				boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
				if (i > 0 && (previousLower || (nextLower && Character.isUpperCase(name.charAt(i - 1))))) {
					result.append('_');
				}
				result.append(Character.toLowerCase(c));
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	static final Set<Class<?>> DATE_TIME_TYPES = Set.of(Instant.class, OffsetDateTime.class, LocalDateTime.class,
			ZonedDateTime.class);

	static final Set<Class<?>> DATE_TYPES = Set.of(LocalDate.class);

	static final Set<Class<?>> DECIMAL_TYPES = Set.of(BigDecimal.class);

}
