package io.github.migrations.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the generated model sources with the JDK compiler and loads them, so that the
 * benchmarks go through the engine exactly as an application's {@code @Model} classes do.
 */
public final class ModelCompiler {

	private ModelCompiler() {
	}

	/**
	 * Write and compile the sources into {@code directory/src} and {@code directory/classes}.
	 * @param sources the sources by fully qualified class name
	 * @param directory a scratch folder
	 * @return the folder holding the compiled classes
	 */
	public static Path compile(Map<String, String> sources, Path directory) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("No Java compiler: run the benchmarks on a JDK, not a JRE");
		}
		try {
			Path src = Files.createDirectories(directory.resolve("src"));
			Path classes = Files.createDirectories(directory.resolve("classes"));
			List<Path> files = new ArrayList<>();
			for (Map.Entry<String, String> entry : sources.entrySet()) {
				Path file = src.resolve(entry.getKey().replace('.', '/') + ".java");
				Files.createDirectories(file.getParent());
				Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
				files.add(file);
			}
			StringWriter diagnostics = new StringWriter();
			try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
				Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
				List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
						classes.toString(), "-proc:none", "-nowarn", "-g:none");
				if (!compiler.getTask(diagnostics, fileManager, null, options, null, units).call()) {
					throw new IllegalStateException("Could not compile the generated models:\n" + diagnostics);
				}
			}
			return classes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a class loader for compiled models, child of this class's loader.
	 * @param classes the folder of compiled classes
	 * @return the class loader
	 */
	public static URLClassLoader classLoader(Path classes) {
		try {
			return new URLClassLoader(new URL[] { classes.toUri().toURL() }, ModelCompiler.class.getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Load the named classes.
	 * @param loader the class loader
	 * @param names the fully qualified names
	 * @return the classes
	 */
	public static List<Class<?>> load(ClassLoader loader, List<String> names) {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : names) {
			try {
				classes.add(Class.forName(name, false, loader));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException("Generated model " + name + " was not compiled", ex);
			}
		}
		return classes;
	}

}
