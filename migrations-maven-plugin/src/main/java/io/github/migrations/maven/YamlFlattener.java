package io.github.migrations.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns the documents of a YAML file into flat maps with dotted keys, as Spring Boot sees them:
 * {@code spring: {datasource: {url: x}}} becomes {@code spring.datasource.url=x}, and list items
 * become {@code key[0]}, {@code key[1]}.
 */
final class YamlFlattener {

	private YamlFlattener() {
	}

	/**
	 * Parse every document of the text and flatten each.
	 * @param text the YAML text
	 * @return one flat map per non-empty document, in file order
	 */
	static List<Map<String, String>> flattenDocuments(String text) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Map<String, String>> documents = new ArrayList<>();
		for (Object document : yaml.loadAll(text)) {
			if (document instanceof Map<?, ?> map) {
				Map<String, String> flat = new LinkedHashMap<>();
				flatten("", map, flat);
				documents.add(flat);
			}
		}
		return documents;
	}

	private static void flatten(String prefix, Object value, Map<String, String> into) {
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), into);
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else {
			into.put(prefix, (value != null) ? String.valueOf(value) : "");
		}
	}

}
