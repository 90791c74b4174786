package io.github.migrations.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import javax.imageio.ImageIO;

/**
 * Draws the chart of {@code docs/performance.md} from the results, with Java2D: per database, the
 * time each tool adds to a Spring Boot start with everything applied, and the apply cost per
 * migration, for each N (independent models). Grouped bars on a logarithmic scale.
 */
public final class Chart {

	private static final int PANEL_WIDTH = 560;

	private static final int PANEL_HEIGHT = 330;

	private static final Map<String, Color> COLORS = Map.of("ours", new Color(0x2E7D32), "floor", new Color(0x9E9E9E),
			"flyway", new Color(0xC62828), "liquibase", new Color(0x1565C0));

	private final ResultStore store;

	/**
	 * Create a chart of the given results.
	 * @param store the results
	 */
	public Chart(ResultStore store) {
		this.store = store;
	}

	/**
	 * Draw the chart and write it as PNG.
	 * @param file the PNG file
	 * @throws IOException on failure
	 */
	public void write(Path file) throws IOException {
		List<String> databases = new ArrayList<>();
		for (String db : List.of("postgresql", "h2")) {
			if (this.store.all().stream().anyMatch((r) -> r.database().equals(db))) {
				databases.add(db);
			}
		}
		int rows = Math.max(1, databases.size());
		BufferedImage image = new BufferedImage(PANEL_WIDTH * 2, PANEL_HEIGHT * rows, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		for (int row = 0; row < databases.size(); row++) {
			String db = databases.get(row);
			panel(g, 0, row * PANEL_HEIGHT, Report.name(db) + ": time added to a Spring Boot start (ms, log)",
					added(db), List.of("ours", "flyway", "liquibase"));
			panel(g, PANEL_WIDTH, row * PANEL_HEIGHT, Report.name(db) + ": apply from empty, ms per migration (log)",
					perMigration(db), List.of("ours", "floor", "flyway", "liquibase"));
		}
		g.dispose();
		Files.createDirectories(file.toAbsolutePath().getParent());
		ImageIO.write(image, "png", file.toFile());
	}

	private Map<Integer, Map<String, Double>> added(String db) {
		Map<Integer, Map<String, Double>> values = new LinkedHashMap<>();
		for (int n : sizes("startup", db)) {
			this.store.find("startup", db, n, "independent", "baseline").ifPresent((baseline) -> {
				Map<String, Double> bars = new LinkedHashMap<>();
				for (String tool : List.of("ours", "flyway", "liquibase")) {
					this.store.find("startup", db, n, "independent", tool).ifPresent((r) -> bars.put(tool,
							RoundDifference.of(r.samples(), baseline.samples()).median()));
				}
				values.put(n, bars);
			});
		}
		return values;
	}

	private Map<Integer, Map<String, Double>> perMigration(String db) {
		Map<Integer, Map<String, Double>> values = new LinkedHashMap<>();
		for (int n : sizes("apply", db)) {
			Map<String, Double> bars = new LinkedHashMap<>();
			for (String subject : List.of("ours", "floor", "flyway", "liquibase")) {
				this.store.find("apply", db, n, "independent", subject)
					.ifPresent((r) -> bars.put(subject, r.samples().medianMillis() / n));
			}
			values.put(n, bars);
		}
		return values;
	}

	private List<Integer> sizes(String scenario, String db) {
		TreeSet<Integer> sizes = new TreeSet<>();
		this.store.all().stream()
			.filter((r) -> r.scenario().equals(scenario) && r.database().equals(db) && r.shape().equals("independent"))
			.forEach((r) -> sizes.add(r.models()));
		return List.copyOf(sizes);
	}

	private static void panel(Graphics2D g, int x0, int y0, String title, Map<Integer, Map<String, Double>> values,
			List<String> subjects) {
		int left = x0 + 60;
		int right = x0 + PANEL_WIDTH - 20;
		int top = y0 + 40;
		int bottom = y0 + PANEL_HEIGHT - 60;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString(title, x0 + 12, y0 + 22);
		double max = 1;
		double min = Double.MAX_VALUE;
		for (Map<String, Double> bars : values.values()) {
			for (double value : bars.values()) {
				if (value > 0) {
					max = Math.max(max, value);
					min = Math.min(min, value);
				}
			}
		}
		double low = Math.pow(10, Math.floor(Math.log10(Math.min(min, max) * 0.9)));
		double high = Math.pow(10, Math.ceil(Math.log10(max * 1.1)));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (double tick = low; tick <= high * 1.0001; tick *= 10) {
			int y = scale(tick, low, high, top, bottom);
			g.setColor(new Color(0xE0E0E0));
			g.drawLine(left, y, right, y);
			g.setColor(Color.DARK_GRAY);
			g.drawString(format(tick), x0 + 8, y + 4);
		}
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(1));
		g.drawLine(left, bottom, right, bottom);
		int groups = Math.max(1, values.size());
		int groupWidth = (right - left) / groups;
		int barWidth = Math.max(4, (groupWidth - 20) / subjects.size());
		int group = 0;
		for (Map.Entry<Integer, Map<String, Double>> entry : values.entrySet()) {
			int gx = left + group * groupWidth + 10;
			for (int i = 0; i < subjects.size(); i++) {
				Double value = entry.getValue().get(subjects.get(i));
				if (value == null) {
					continue;
				}
				int bx = gx + i * barWidth;
				int y = (value > 0) ? scale(value, low, high, top, bottom) : bottom - 1;
				g.setColor(COLORS.get(subjects.get(i)));
				g.fillRect(bx, y, barWidth - 3, bottom - y);
				g.setColor(Color.BLACK);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
				g.drawString(format(value), bx, y - 3);
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.drawString(String.format(Locale.ROOT, "N = %,d", entry.getKey()), gx + groupWidth / 2 - 40, bottom + 16);
			group++;
		}
		int lx = left;
		for (String subject : subjects) {
			g.setColor(COLORS.get(subject));
			g.fillRect(lx, bottom + 30, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(subject, lx + 16, bottom + 41);
			lx += 100;
		}
	}

	private static int scale(double value, double low, double high, int top, int bottom) {
		double fraction = (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
		return (int) Math.round(bottom - fraction * (bottom - top));
	}

	private static String format(double value) {
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (Math.abs(value) >= 1) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
