package io.github.migrations.model;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Finds the jars of a class path that hold classes of a package but that
 * {@link ClassLoader#getResources(String)} does not return for it: jars written without entries
 * for their folders (no {@code META-INF/}, no {@code com/example/}), where only the files' own
 * entries say which packages they hold.
 */
final class JarsWithoutFolders {

	private JarsWithoutFolders() {
	}

	/**
	 * Return the jars of the class loader's class path (its {@link URLClassLoader}s' and the
	 * application class path) that have no folder entries and no entry for the package's folder.
	 * @param classLoader the class loader
	 * @param path the package's folder ({@code com/example})
	 * @param scanned the paths of the jars already scanned
	 * @return the jars to look through
	 */
	static List<File> find(ClassLoader classLoader, String path, Collection<String> scanned) {
		List<File> found = new ArrayList<>();
		for (File file : classPath(classLoader)) {
			if (!file.isFile() || scanned.contains(file.getPath())) {
				continue;
			}
			try (ZipFile zip = new ZipFile(file)) {
				if (zip.getEntry("META-INF/") == null && zip.getEntry(path + "/") == null) {
					found.add(file);
				}
			}
			catch (IOException ex) {
				// not a jar: the class loader cannot read classes from it either
			}
		}
		return found;
	}

	private static Set<File> classPath(ClassLoader classLoader) {
		Set<File> files = new LinkedHashSet<>();
		ClassLoader system = ClassLoader.getSystemClassLoader();
		boolean systemSeen = false;
		for (ClassLoader loader = classLoader; loader != null; loader = loader.getParent()) {
			if (loader == system) {
				systemSeen = true;
			}
			if (loader instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					if ("file".equals(url.getProtocol())) {
						try {
							files.add(Path.of(url.toURI()).toFile());
						}
						catch (URISyntaxException | IllegalArgumentException ex) {
							// not a path the class loader reads either
						}
					}
				}
			}
		}
		if (systemSeen) {
			for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
				if (!entry.isEmpty()) {
					files.add(new File(entry));
				}
			}
		}
		return files;
	}

}
