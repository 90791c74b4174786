package io.github.migrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 *
 * @author Migrations contributors
 */
class ResourcePatternMigrationSource implements MigrationSource {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private final ResourcePatternResolver resolver;

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
		return trimmed + "/*/*.yaml";
	}

	String getPattern() {
		return this.pattern;
	}

	@Override
	public List<MigrationResource> list() {
		Map<String, MigrationResource> found = new LinkedHashMap<>();
		try {
			for (Resource resource : this.resolver.getResources(this.pattern)) {
				MigrationResource migration = read(resource);
				if (migration != null) {
					found.putIfAbsent(migration.app() + "/" + migration.name(), migration);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list migration files matching " + this.pattern, ex);
		}
		List<MigrationResource> result = new ArrayList<>(found.values());
		result.sort(Comparator.comparing(MigrationResource::app).thenComparing(MigrationResource::name));
		return result;
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

	private static boolean isMigrationFileName(String name) {
		return name.endsWith(".yaml") && !name.startsWith("_") && !name.startsWith("~") && !name.startsWith(".");
	}

	@Override
	public String toString() {
		return this.pattern;
	}

}
