package io.github.migrations.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Migration files on the classpath under a location such as {@code db/migrations}, in folders
 * or jars. When the same {@code app/name} appears twice on the classpath, the first wins.
 * <p>
 * The location is found with {@link ClassLoader#getResources(String)}, so a jar must hold an
 * entry for the location folder itself; jars built by Maven, Gradle and Spring Boot do. Files
 * found in folders are reported by their path, files in jars as {@code classpath:<entry>}.
 *
 * @param classLoader the class loader to search
 * @param location the classpath folder holding one folder per app
 * @since 0.1
 */
public record ClasspathMigrationSource(ClassLoader classLoader, String location) implements MigrationSource {

	/**
	 * Create a source, accepting a location with or without a {@code classpath:} prefix and
	 * slashes around it.
	 * @param classLoader the class loader to search
	 * @param location the classpath folder holding one folder per app
	 */
	public ClasspathMigrationSource {
		location = trimSlashes(location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
	}

	@Override
	public List<MigrationResource> list() {
		Map<String, MigrationResource> found = new LinkedHashMap<>();
		try {
			for (URL root : Collections.list(this.classLoader.getResources(this.location))) {
				if ("file".equals(root.getProtocol())) {
					for (MigrationResource resource : new DirectoryMigrationSource(Path.of(root.toURI())).list()) {
						found.putIfAbsent(resource.app() + "/" + resource.name(), resource);
					}
				}
				else {
					listJar(root, found);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list migration files in classpath:" + this.location, ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		List<MigrationResource> result = new ArrayList<>(found.values());
		result.sort(Comparator.comparing(MigrationResource::app).thenComparing(MigrationResource::name));
		return result;
	}

	private void listJar(URL root, Map<String, MigrationResource> found) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new IllegalStateException("Cannot list migration files at " + root
					+ "; provide a MigrationSource for this kind of classpath entry");
		}
		jarConnection.setUseCaches(false);
		String prefix = jarConnection.getEntryName();
		prefix = (prefix == null || prefix.isEmpty()) ? this.location + "/" : trimSlashes(prefix) + "/";
		try (JarFile jar = jarConnection.getJarFile()) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (entry.isDirectory() || !name.startsWith(prefix)) {
					continue;
				}
				String[] parts = name.substring(prefix.length()).split("/");
				if (parts.length != 2 || !DirectoryMigrationSource.isMigrationFileName(parts[1])) {
					continue;
				}
				String migrationName = parts[1].substring(0, parts[1].length() - ".yaml".length());
				try (InputStream in = jar.getInputStream(entry)) {
					String content = DirectoryMigrationSource.decode(in.readAllBytes(), "classpath:" + name);
					found.putIfAbsent(parts[0] + "/" + migrationName,
							new MigrationResource(parts[0], migrationName, "classpath:" + name, content));
				}
			}
		}
	}

	private static String trimSlashes(String path) {
		String result = path;
		while (result.startsWith("/")) {
			result = result.substring(1);
		}
		while (result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

}
