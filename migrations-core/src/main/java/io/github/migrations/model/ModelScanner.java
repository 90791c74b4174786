package io.github.migrations.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds {@link Model} classes on the classpath without initializing them. Spring applications use
 * Spring's own scanning instead; this one serves the engine and the build plugin.
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
		Set<String> classNames = new LinkedHashSet<>();
		for (String pkg : packages) {
			String path = pkg.replace('.', '/');
			try {
				for (URL url : Collections.list(classLoader.getResources(path))) {
					if ("file".equals(url.getProtocol())) {
						Path dir = Path.of(url.toURI());
						classNames.addAll(classNamesUnder(dir, pkg));
					}
					else {
						classNamesInJar(url, path, classNames);
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
		return load(classLoader, classNames);
	}

	/**
	 * Find model classes in a folder of compiled classes (such as {@code target/classes}).
	 * @param classLoader a class loader that can load the classes of that folder
	 * @param classesDirectory the folder
	 * @return the model classes, sorted by name
	 */
	public static List<Class<?>> scanDirectory(ClassLoader classLoader, Path classesDirectory) {
		if (!Files.isDirectory(classesDirectory)) {
			return List.of();
		}
		return load(classLoader, classNamesUnder(classesDirectory, ""));
	}

	/**
	 * Return the class names of the {@code .class} entries under a folder, in the order
	 * {@code Files.walk} gives them (symbolic links to folders not followed), but listing the
	 * folders directly: in a fresh JVM the stream's walk was a fifth of scanning a thousand models.
	 */
	private static List<String> classNamesUnder(Path dir, String pkg) {
		List<String> names = new ArrayList<>();
		try {
			if (!Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
				// a file, or a link the walk does not follow: whatever the walk gives
				return walked(dir, pkg);
			}
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
				collect(entries, pkg.isEmpty() ? "" : pkg + ".", names);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot scan " + dir + " for models", ex);
		}
		return names;
	}

	private static List<String> walked(Path dir, String pkg) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(".class")).map((file) -> {
				String relative = dir.relativize(file).toString().replace(java.io.File.separatorChar, '.');
				String simple = relative.substring(0, relative.length() - ".class".length());
				return pkg.isEmpty() ? simple : pkg + "." + simple;
			}).toList();
		}
	}

	private static void collect(DirectoryStream<Path> entries, String prefix, List<String> names) {
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			if (name.endsWith(".class")) {
				names.add(prefix + name.substring(0, name.length() - ".class".length()));
			}
			if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
				try (DirectoryStream<Path> children = Files.newDirectoryStream(entry)) {
					collect(children, prefix + name + ".", names);
				}
				catch (IOException ex) {
					// as the walk reports a folder it cannot read
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private static void classNamesInJar(URL url, String path, Set<String> classNames) throws IOException {
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			return;
		}
		try (JarFile jar = jarConnection.getJarFile()) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				String name = entries.nextElement().getName();
				if (name.startsWith(path + "/") && name.endsWith(".class")) {
					classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
				}
			}
		}
	}

	private static List<Class<?>> load(ClassLoader classLoader, Collection<String> classNames) {
		List<Class<?>> models = new ArrayList<>();
		for (String className : classNames) {
			if (className.endsWith("package-info") || className.endsWith("module-info")) {
				continue;
			}
			try {
				Class<?> candidate = Class.forName(className, false, classLoader);
				if (candidate.isAnnotationPresent(Model.class)) {
					models.add(candidate);
				}
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// a class that cannot be loaded cannot be a usable model either
			}
		}
		models.sort(Comparator.comparing(Class::getName));
		return models;
	}

}
