package io.github.migrations.autoconfigure;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.loader.MigrationResource;
import io.github.migrations.loader.MigrationSource;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * {@link MigrationSource} that finds {@code <location>/<app>/<name>.yaml} files with a Spring
 * {@link ResourcePatternResolver}, so it works for folders, plain jars and Spring Boot's nested
 * fat jars alike. A {@code classpath:} location is searched in every classpath root
 * ({@code classpath*:}); when the same {@code app/name} is found twice, the first wins.
 * <p>
 * A classpath root that is a folder on disk (an application run from its build output or an IDE)
 * is read directly, without matching every file against the pattern, which in a fresh JVM costs
 * several times the reading; the resources found and their locations are the ones the pattern
 * gives. Any other root (a jar, a Spring Boot fat jar) goes through the resolver.
 *
 * @author Migrations contributors
 */
class ResourcePatternMigrationSource implements MigrationSource {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private final ResourcePatternResolver resolver;

	private static final String SUB_PATTERN = "*/*.yaml";

	/** By app, then name; written out: lambdas are classes to spin on the read-ahead's first call. */
	private static final Comparator<MigrationResource> BY_APP_AND_NAME = new Comparator<>() {

		@Override
		public int compare(MigrationResource left, MigrationResource right) {
			int app = left.app().compareTo(right.app());
			return (app != 0) ? app : left.name().compareTo(right.name());
		}

	};

	private final String pattern;

	ResourcePatternMigrationSource(ResourcePatternResolver resolver, String location) {
		this.resolver = resolver;
		this.pattern = pattern(location);
	}

	private static String pattern(String location) {
		String trimmed = StringUtils.trimTrailingCharacter(location.trim(), '/');
		if (trimmed.startsWith(CLASSPATH_PREFIX)) {
			trimmed = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
					+ StringUtils.trimLeadingCharacter(trimmed.substring(CLASSPATH_PREFIX.length()), '/');
		}
		else if (!trimmed.contains(":")) {
			trimmed = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + StringUtils.trimLeadingCharacter(trimmed, '/');
		}
		return trimmed + "/" + SUB_PATTERN;
	}

	String getPattern() {
		return this.pattern;
	}

	@Override
	public List<MigrationResource> list() {
		Map<String, MigrationResource> found = new LinkedHashMap<>();
		try {
			if (this.pattern.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
				// root by root, as the resolver does with the pattern, reading folders directly
				String rootPattern = this.pattern.substring(0, this.pattern.length() - SUB_PATTERN.length());
				for (Resource root : this.resolver.getResources(rootPattern)) {
					if (!readFolder(root, found)) {
						String url = root.getURL().toString();
						addAll(this.resolver.getResources(url + (url.endsWith("/") ? "" : "/") + SUB_PATTERN), found);
					}
				}
			}
			else {
				addAll(this.resolver.getResources(this.pattern), found);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list migration files matching " + this.pattern, ex);
		}
		List<MigrationResource> result = new ArrayList<>(found.values());
		result.sort(BY_APP_AND_NAME);
		return result;
	}

	private void addAll(Resource[] resources, Map<String, MigrationResource> found) throws IOException {
		for (Resource resource : resources) {
			MigrationResource migration = read(resource);
			if (migration != null) {
				found.putIfAbsent(migration.app() + "/" + migration.name(), migration);
			}
		}
	}

	/**
	 * Read the migration files of a root that is a folder on disk whose app folders and file
	 * names need no escaping in a URL.
	 * @return {@code false}, having read nothing, when the root is not such a folder
	 */
	private static boolean readFolder(Resource root, Map<String, MigrationResource> found) throws IOException {
		URL url = root.getURL();
		if (!"file".equals(url.getProtocol())) {
			return false;
		}
		File folder;
		try {
			folder = new File(url.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
		String[] apps = folder.list();
		if (apps == null) {
			return false;
		}
		Arrays.sort(apps);
		Map<String, MigrationResource> read = new LinkedHashMap<>();
		for (String app : apps) {
			File appFolder = new File(folder, app);
			String[] names = appFolder.list();
			if (names == null) {
				continue;
			}
			if (!isPlainName(app)) {
				return false;
			}
			String appUrl = null;
			Arrays.sort(names);
			for (String fileName : names) {
				File file = new File(appFolder, fileName);
				if (!fileName.endsWith(".yaml") || !isMigrationFileName(fileName) || !file.isFile()) {
					continue;
				}
				if (!isPlainName(fileName)) {
					return false;
				}
				if (appUrl == null) {
					// the URL the resolver gives a file of this folder, without the file's name
					String fileUrl = file.toPath().toUri().toURL().toString();
					appUrl = fileUrl.substring(0, fileUrl.length() - fileName.length());
				}
				String name = fileName.substring(0, fileName.length() - ".yaml".length());
				try (InputStream in = new FileInputStream(file)) {
					read.putIfAbsent(app + "/" + name, new MigrationResource(app, name, appUrl + fileName,
							new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
		}
		for (Map.Entry<String, MigrationResource> entry : read.entrySet()) {
			found.putIfAbsent(entry.getKey(), entry.getValue());
		}
		return true;
	}

	private @Nullable MigrationResource read(Resource resource) throws IOException {
		String fileName = resource.getFilename();
		if (fileName == null || !isMigrationFileName(fileName)) {
			return null;
		}
		String url = resource.getURL().toString();
		String folder = url.substring(0, url.length() - fileName.length() - 1);
		String app = folder.substring(folder.lastIndexOf('/') + 1);
		String name = fileName.substring(0, fileName.length() - ".yaml".length());
		try (InputStream in = resource.getInputStream()) {
			return new MigrationResource(app, name, url, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/**
	 * Return whether a name is read directly: what the pattern gives unchanged in a URL (letters,
	 * digits, {@code _ . -}). Checked by hand: a regular expression costs several times more for
	 * each of thousands of files in a fresh JVM.
	 */
	static boolean isPlainName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isMigrationFileName(String name) {
		return name.endsWith(".yaml") && !name.startsWith("_") && !name.startsWith("~") && !name.startsWith(".");
	}

	@Override
	public String toString() {
		return this.pattern;
	}

}
