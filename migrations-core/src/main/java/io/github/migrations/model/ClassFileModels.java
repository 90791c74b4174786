package io.github.migrations.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the models a scan found from their class files, without loading them: in a fresh JVM,
 * loading a thousand model classes and reading their annotations by reflection takes most of
 * {@code makemigrations}' time. The result must be what {@code ModelReader.read(classes +
 * scanned.load())} gives, so whatever the class files cannot say for certain is asked of
 * reflection: a class whose class file, superclasses, declaring class or field types cannot all
 * be found or read is loaded (that model alone), and any error, or anything unexpected, makes the
 * whole read start again by reflection, which then gives today's result or today's error.
 */
final class ClassFileModels {

	private ClassFileModels() {
	}

	static DeclaredModels read(Collection<Class<?>> classes, ScannedClasses scanned) {
		try {
			return ModelReader.readTypes(describe(classes, scanned));
		}
		catch (RuntimeException ex) {
			// an invalid model, or something the class files did not say for certain: reflection
			// says what loading the classes says, error included
			Set<Class<?>> all = new LinkedHashSet<>(classes);
			all.addAll(scanned.load());
			return ModelReader.read(all);
		}
	}

	/**
	 * Return the given classes, then the scanned models not among them, sorted by name: the
	 * latter read from their class files where they can be.
	 */
	static List<JavaType> describe(Collection<Class<?>> classes, ScannedClasses scanned) {
		List<JavaType> types = new ArrayList<>();
		Map<String, Class<?>> given = new HashMap<>();
		for (Class<?> type : new LinkedHashSet<>(classes)) {
			types.add(new ReflectedType(type));
			given.put(type.getName(), type);
		}
		ClassFileTypes files = new ClassFileTypes(scanned);
		boolean readable = files.sharesAnnotations();
		List<JavaType> models = new ArrayList<>();
		for (String name : scanned.classNames()) {
			if (name.endsWith("package-info") || name.endsWith("module-info")) {
				continue;
			}
			JavaType model = readable ? model(files, scanned.classLoader(), name)
					: loaded(scanned.classLoader(), name);
			if (model != null) {
				models.add(model);
			}
		}
		models.sort(Comparator.comparing(JavaType::name));
		for (JavaType model : models) {
			Class<?> same = given.get(model.name());
			if (same == null) {
				types.add(model);
			}
			else if (!(model instanceof ReflectedType)) {
				// given and scanned: one model if the class loader gives the class given
				JavaType loaded = loaded(scanned.classLoader(), model.name());
				if (loaded != null && !loaded.equals(new ReflectedType(same))) {
					types.add(loaded);
				}
			}
			else if (!model.equals(new ReflectedType(same))) {
				types.add(model);
			}
		}
		return types;
	}

	private static @Nullable JavaType model(ClassFileTypes files, ClassLoader classLoader, String name) {
		try {
			ClassFile file = files.classFile(name);
			return ClassFileTypes.isModel(file) ? files.model(file) : null;
		}
		catch (ClassFileFormatException ex) {
			return loaded(classLoader, name);
		}
	}

	private static @Nullable JavaType loaded(ClassLoader classLoader, String name) {
		Class<?> model = ModelScanner.loadModel(classLoader, name);
		return (model != null) ? new ReflectedType(model) : null;
	}

}
