package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generated model set: {@code models} model classes spread round-robin over {@code apps} apps
 * ({@code bench.app00}, {@code bench.app01}, …), each with a mix of field types (strings, text,
 * integers, booleans, decimals, dates, date-times; some unique, some indexed, some nullable, some
 * with defaults). In the {@link Shape#CHAIN chain} shape every model also has a foreign key to the
 * previous model, which lives in another app, so the history is one connected graph across apps.
 *
 * @param models the number of models
 * @param apps the number of apps
 * @param shape independent models or a chain of foreign keys
 */
public record Workload(int models, int apps, Shape shape) {

	/**
	 * How the models refer to each other.
	 */
	public enum Shape {

		/** No foreign keys. */
		INDEPENDENT,

		/** Every model but the first has a foreign key to the previous one. */
		CHAIN;

		/**
		 * Return the name used in options and the report.
		 * @return {@code independent} or {@code chain}
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Return the shape of a label.
		 * @param label {@code independent} or {@code chain}
		 * @return the shape
		 */
		public static Shape of(String label) {
			for (Shape shape : values()) {
				if (shape.label().equals(label)) {
					return shape;
				}
			}
			throw new IllegalArgumentException("Unknown shape '" + label + "'; use independent or chain");
		}

	}

	/** The package holding one sub-package per app. */
	public static final String ROOT_PACKAGE = "bench";

	public Workload {
		if (models < 1 || apps < 1 || apps > models) {
			throw new IllegalArgumentException("Need 1 <= apps <= models, got " + apps + " apps for " + models + " models");
		}
	}

	/**
	 * Return the index of a model's app.
	 * @param model the model's index
	 * @return the app's index
	 */
	public int appOf(int model) {
		return model % this.apps;
	}

	/**
	 * Return the class name of a model without its package.
	 * @param model the model's index
	 * @return for example {@code Item00042}
	 */
	public static String simpleName(int model) {
		return String.format(Locale.ROOT, "Item%05d", model);
	}

	/**
	 * Return the app label of an app index.
	 * @param app the index
	 * @return the label, for example {@code app03}
	 */
	public static String appLabel(int app) {
		return String.format(Locale.ROOT, "app%02d", app);
	}

	/**
	 * Return the fully qualified class names of the models, app by app.
	 * @return the class names
	 */
	public List<String> classNames() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < this.models; i++) {
			names.add(ROOT_PACKAGE + "." + appLabel(appOf(i)) + "." + simpleName(i));
		}
		return names;
	}

	/**
	 * Return the Java sources of every model, keyed by fully qualified class name.
	 * @return the sources
	 */
	public Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		List<String> names = classNames();
		for (int i = 0; i < this.models; i++) {
			sources.put(names.get(i), source(i));
		}
		return sources;
	}

	private String source(int i) {
		StringBuilder java = new StringBuilder();
		java.append("package ").append(ROOT_PACKAGE).append('.').append(appLabel(appOf(i))).append(";\n\n")
			.append("import io.github.migrations.model.*;\n")
			.append("import io.github.migrations.state.OnDelete;\n\n")
			.append("@Model\npublic class ").append(simpleName(i)).append(" {\n");
		field(java, "@CharField(maxLength = 100)", "String", "name");
		String codeOptions = switch (i % 3) {
			case 0 -> ", unique = true";
			case 1 -> ", dbIndex = true";
			default -> "";
		};
		field(java, "@CharField(maxLength = 32" + codeOptions + ")", "String", "code");
		field(java, "@TextField(nullable = true)", "String", "description");
		field(java, "@IntegerField(defaultValue = \"0\")", "int", "quantity");
		field(java, "@BigIntegerField(nullable = true)", "Long", "counter");
		field(java, "@BooleanField(defaultValue = \"true\")", "boolean", "active");
		field(java, "@DecimalField(maxDigits = 12, decimalPlaces = 2)", "java.math.BigDecimal", "price");
		field(java, "@DateField(nullable = true)", "java.time.LocalDate", "day");
		field(java, "@DateTimeField", "java.time.Instant", "createdAt");
		for (int extra = 0; extra < i % 4; extra++) {
			field(java, "@IntegerField(nullable = true)", "Integer", "extra" + extra);
		}
		if (this.shape == Shape.CHAIN && i > 0) {
			String target = ROOT_PACKAGE + "." + appLabel(appOf(i - 1)) + "." + simpleName(i - 1);
			field(java, "@ForeignKey(to = " + target + ".class, onDelete = OnDelete.CASCADE)", "Long", "previous");
		}
		return java.append("}\n").toString();
	}

	private static void field(StringBuilder java, String annotation, String type, String name) {
		java.append('\t').append(annotation).append('\n').append('\t').append(type).append(' ').append(name)
			.append(";\n\n");
	}

}
