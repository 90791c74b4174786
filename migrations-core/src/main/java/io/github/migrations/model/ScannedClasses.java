package io.github.migrations.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The classes a scan found, by name, with where their class files are: what
 * {@link ModelReader#read(java.util.Collection, ScannedClasses)} reads the models from without
 * loading them, and {@link #load()} loads.
 *
 * @since 0.1
 */
public final class ScannedClasses {

	private final ClassLoader classLoader;

	/** Per class name: a {@link Path}, the bytes, or {@code null} when found in several places. */
	private final Map<String, @Nullable Object> sources;

	ScannedClasses(ClassLoader classLoader, Map<String, @Nullable Object> sources) {
		this.classLoader = classLoader;
		this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
	}

	/**
	 * Return the class loader the classes were found with.
	 * @return the class loader
	 */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * Return the names of the classes found, in the order found.
	 * @return the class names
	 */
	public List<String> classNames() {
		return new ArrayList<>(this.sources.keySet());
	}

	/**
	 * Return the classes of this scan and of another made with the same class loader; a class
	 * both found is read as the class loader's resource, what it would define.
	 * @param other the other scan
	 * @return the classes of both
	 */
	public ScannedClasses and(ScannedClasses other) {
		if (other.classLoader != this.classLoader) {
			throw new IllegalArgumentException("Scans made with different class loaders cannot be combined");
		}
		Map<String, @Nullable Object> sources = new LinkedHashMap<>(this.sources);
		other.sources.forEach((name, source) -> sources.put(name, sources.containsKey(name) ? null : source));
		return new ScannedClasses(this.classLoader, sources);
	}

	/**
	 * Load the classes found and return those annotated with {@link Model}, sorted by name.
	 * @return the model classes
	 */
	public List<Class<?>> load() {
		return ModelScanner.load(this.classLoader, this.sources.keySet());
	}

	/**
	 * Return whether the scan found the class in one place only, so that its bytes are those the
	 * class loader would define (the first found).
	 */
	boolean unique(String className) {
		return this.sources.get(className) != null;
	}

	/**
	 * Return the class file of a class found in one place, parsed.
	 * @param className the class's name
	 * @param keep whether a class file read from a folder may come from, and go to, the
	 * {@link ClassFileCache}
	 */
	ClassFile classFile(String className, boolean keep) {
		Object source = this.sources.get(className);
		if (source instanceof byte[] bytes) {
			return ClassFileParser.parse(bytes);
		}
		return ClassFileCache.parse((Path) source, keep);
	}

}
