package io.github.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Application class-data sharing for the fresh JVMs of {@link ColdRunner}, as a user sets it up:
 * one training process writes an archive of the classes it loaded
 * ({@code -XX:ArchiveClassesAtExit}, JDK 17's dynamic archive), and the measured processes map
 * it ({@code -XX:SharedArchiveFile}) instead of loading, verifying and linking those classes
 * again.
 * <p>
 * JDK 17 archives only classes that the JVM's own class loaders load from jars, and refuses to
 * write an archive at all when the class path holds a non-empty folder: the child's class path is
 * this JVM's, with every folder on it ({@code target/classes} of the harness) packed into a jar
 * first. The engine, SnakeYAML and the JDBC drivers are archived; the generated model classes,
 * which a class loader of their own reads from a folder, are not (for {@code --check} the engine
 * reads their class files without loading them).
 *
 * @param classPath the child's class path, jars only
 * @param archive the archive the training process wrote
 */
public record AppCds(String classPath, Path archive) {

	/**
	 * Train an archive: run one cold call of the mode with {@code -XX:ArchiveClassesAtExit}.
	 * @param folder a scratch folder for the jars and the archive (reused for later archives)
	 * @param name the archive's name, for example {@code check} or {@code restart-h2}
	 * @param training the training process, given the class path and the JVM options to add
	 * @return the class path and archive to run with
	 * @throws Exception when the training process fails or writes no archive
	 */
	public static AppCds train(Path folder, String name, Training training) throws Exception {
		String classPath = jarsOnly(System.getProperty("java.class.path"), Files.createDirectories(folder));
		Path archive = folder.resolve(name + ".jsa");
		Files.deleteIfExists(archive);
		training.run(classPath, List.of("-XX:ArchiveClassesAtExit=" + archive));
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("The training process wrote no class-data archive " + archive
					+ " (the JVM prints why with -Xlog:cds)");
		}
		return new AppCds(classPath, archive);
	}

	/**
	 * Return JVM options that map this archive.
	 * @param options the other options, for example {@link ColdRunner#DEFAULT_JVM}
	 * @return the options with {@code -XX:SharedArchiveFile}
	 */
	public List<String> options(List<String> options) {
		List<String> all = new ArrayList<>(options);
		all.add("-XX:SharedArchiveFile=" + this.archive);
		return all;
	}

	/**
	 * Return a class path with every folder on it replaced by a jar of its contents, written into
	 * a folder (once: an existing jar is reused, so that every archive of a run sees the same
	 * files); missing and empty entries are left out.
	 * @param classPath the class path
	 * @param folder where to write the jars
	 * @return the class path of jars
	 */
	static String jarsOnly(String classPath, Path folder) {
		List<String> entries = new ArrayList<>();
		int index = 0;
		for (String entry : classPath.split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (entry.isEmpty() || !Files.exists(path)) {
				continue;
			}
			if (Files.isDirectory(path)) {
				Path jar = folder.resolve("classpath-" + (index++) + ".jar");
				if (!Files.exists(jar)) {
					jar(path, jar);
				}
				entries.add(jar.toString());
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	private static void jar(Path directory, Path jar) {
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file);
				Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted().toList()) {
				// never the jar being written, should the folder hold it
				if (Files.isRegularFile(path) && !path.toAbsolutePath().equals(jar.toAbsolutePath())) {
					out.putNextEntry(new JarEntry(directory.relativize(path).toString().replace(File.separatorChar, '/')));
					Files.copy(path, out);
					out.closeEntry();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot pack " + directory + " into " + jar, ex);
		}
	}

	/**
	 * The training process.
	 */
	@FunctionalInterface
	public interface Training {

		/**
		 * Run the training process once.
		 * @param classPath the class path to give it
		 * @param options the JVM options to add
		 * @throws Exception when it fails
		 */
		void run(String classPath, List<String> options) throws Exception;

	}

}
