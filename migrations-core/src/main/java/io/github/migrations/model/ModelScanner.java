package io.github.migrations.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * Finds {@link Model} classes on the classpath without initializing them. Spring applications use
 * Spring's own scanning instead; this one serves the engine and the build plugin. {@link #find}
 * and {@link #findDirectory} only list the class files, for {@link ModelReader} to read the models
 * from them without loading the classes; {@link #scan} and {@link #scanDirectory} load them.
 *
 * @since 0.1
 */
public final class ModelScanner {

	private ModelScanner() {
	}

	/**
	 * Find model classes in the given packages (and their sub-packages).
	 * @param classLoader the class loader to search
	 * @param packages the package names
	 * @return the model classes, sorted by name
	 */
	public static List<Class<?>> scan(ClassLoader classLoader, Collection<String> packages) {
		return find(classLoader, packages).load();
	}

	/**
	 * Find the classes of the given packages (and their sub-packages), without loading them: in
	 * the folders and jars of the class loader's class path, including jars that have no entries
	 * for their folders.
	 * @param classLoader the class loader to search
	 * @param packages the package names
	 * @return the classes found
	 */
	public static ScannedClasses find(ClassLoader classLoader, Collection<String> packages) {
		Map<String, @Nullable Object> sources = new LinkedHashMap<>();
		for (String pkg : packages) {
			String path = pkg.replace('.', '/');
			Set<String> jars = new LinkedHashSet<>();
			try {
				for (URL url : Collections.list(classLoader.getResources(path))) {
					if ("file".equals(url.getProtocol())) {
						Path dir = Path.of(url.toURI());
						classesUnder(dir, pkg, sources);
					}
					else {
						classesInJar(url, path, sources, jars);
					}
				}
				for (File jar : JarsWithoutFolders.find(classLoader, path, jars)) {
					// as a zip: a jar's own checks (signatures, versions) cost, and the class loader makes them
					try (ZipFile file = new ZipFile(jar)) {
						classesInJar(file, path, sources);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot scan package " + pkg + " for models", ex);
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new ScannedClasses(classLoader, sources);
	}

	/**
	 * Find model classes in a folder of compiled classes (such as {@code target/classes}).
	 * @param classLoader a class loader that can load the classes of that folder
	 * @param classesDirectory the folder
	 * @return the model classes, sorted by name
	 */
	public static List<Class<?>> scanDirectory(ClassLoader classLoader, Path classesDirectory) {
		return findDirectory(classLoader, classesDirectory).load();
	}

	/**
	 * Find the classes of a folder of compiled classes, without loading them.
	 * @param classLoader a class loader that can load the classes of that folder
	 * @param classesDirectory the folder
	 * @return the classes found
	 */
	public static ScannedClasses findDirectory(ClassLoader classLoader, Path classesDirectory) {
		Map<String, @Nullable Object> sources = new LinkedHashMap<>();
		if (Files.isDirectory(classesDirectory)) {
			classesUnder(classesDirectory, "", sources);
		}
		// the loader may define another class of the same name first: read what it would define
		sources.replaceAll((name, source) -> null);
		return new ScannedClasses(classLoader, sources);
	}

	private static void found(Map<String, @Nullable Object> sources, String className, Object source) {
		// a class found twice is read as the class loader's resource, what it would define
		sources.put(className, sources.containsKey(className) ? null : source);
	}

	/**
	 * Add the {@code .class} files under a folder, in the order {@code Files.walk} gives them
	 * (symbolic links to folders not followed), but listing the folders directly: in a fresh JVM
	 * the stream's walk was a fifth of scanning a thousand models.
	 */
	private static void classesUnder(Path dir, String pkg, Map<String, @Nullable Object> sources) {
		try {
			if (!Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
				// a file, or a link the walk does not follow: whatever the walk gives
				walked(dir, pkg, sources);
				return;
			}
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
				collect(entries, pkg.isEmpty() ? "" : pkg + ".", sources);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot scan " + dir + " for models", ex);
		}
	}

	private static void walked(Path dir, String pkg, Map<String, @Nullable Object> sources) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.filter((file) -> file.toString().endsWith(".class")).forEach((file) -> {
				String relative = dir.relativize(file).toString().replace(File.separatorChar, '.');
				String simple = relative.substring(0, relative.length() - ".class".length());
				found(sources, pkg.isEmpty() ? simple : pkg + "." + simple, file);
			});
		}
	}

	private static void collect(DirectoryStream<Path> entries, String prefix, Map<String, @Nullable Object> sources) {
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			if (name.endsWith(".class")) {
				found(sources, prefix + name.substring(0, name.length() - ".class".length()), entry);
			}
			if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
				try (DirectoryStream<Path> children = Files.newDirectoryStream(entry)) {
					collect(children, prefix + name + ".", sources);
				}
				catch (IOException ex) {
					// as the walk reports a folder it cannot read
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private static void classesInJar(URL url, String path, Map<String, @Nullable Object> sources, Set<String> jars)
			throws IOException {
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			return;
		}
		try (JarFile jar = jarConnection.getJarFile()) {
			jars.add(jar.getName());
			classesInJar(jar, path, sources);
		}
	}

	private static void classesInJar(ZipFile jar, String path, Map<String, @Nullable Object> sources)
			throws IOException {
		Enumeration<? extends ZipEntry> entries = jar.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			String name = entry.getName();
			if (name.startsWith(path + "/") && name.endsWith(".class")) {
				try (InputStream in = jar.getInputStream(entry)) {
					found(sources, name.substring(0, name.length() - ".class".length()).replace('/', '.'),
							in.readAllBytes());
				}
			}
		}
	}

	static List<Class<?>> load(ClassLoader classLoader, Collection<String> classNames) {
		List<Class<?>> models = new ArrayList<>();
		for (String className : classNames) {
			Class<?> model = loadModel(classLoader, className);
			if (model != null) {
				models.add(model);
			}
		}
		models.sort(Comparator.comparing(Class::getName));
		return models;
	}

	/**
	 * Load a class found by a scan, without initializing it.
	 * @return the class if it is a model, {@code null} if not or if it cannot be loaded
	 */
	static @Nullable Class<?> loadModel(ClassLoader classLoader, String className) {
		if (className.endsWith("package-info") || className.endsWith("module-info")) {
			return null;
		}
		try {
			Class<?> candidate = Class.forName(className, false, classLoader);
			return candidate.isAnnotationPresent(Model.class) ? candidate : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// a class that cannot be loaded cannot be a usable model either
			return null;
		}
	}

}
