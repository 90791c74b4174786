package io.github.migrations.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import io.github.migrations.schema.Vendor;

/**
 * Which vendors the tests of this JVM ran on, and why the others did not run: written to
 * {@code target/vendor-report.txt} each time a vendor's status is first known (the file of an
 * earlier run is replaced by the first status of this one), and logged as a line to standard
 * output, so the test report says which vendors ran.
 * <pre>
 * H2: ran (in-memory databases (2.3.232 (2024-08-11)))
 * MySQL: not expected here (no MIGRATIONS_TEST_MYSQL_URL in the environment; no Docker engine for Testcontainers)
 * </pre>
 */
public final class VendorReport {

	/** Where the report is written, relative to the module's directory. */
	public static final Path FILE = Path.of("target", "vendor-report.txt");

	private static final Map<Vendor, String> statuses = new EnumMap<>(Vendor.class);

	private VendorReport() {
	}

	/**
	 * Record that tests ran on a vendor.
	 * @param vendor the vendor
	 * @param how the server or files used
	 */
	public static void ran(Vendor vendor, String how) {
		record(vendor, "ran (" + how + ")");
	}

	/**
	 * Record that a vendor's tests are skipped because no server is expected on this machine.
	 * @param vendor the vendor
	 * @param why what was looked for
	 */
	public static void notExpected(Vendor vendor, String why) {
		record(vendor, "not expected here, its tests are skipped (" + why + ")");
	}

	/**
	 * Record that a vendor was expected but could not be reached; its tests fail.
	 * @param vendor the vendor
	 * @param why the problem
	 */
	public static void unreachable(Vendor vendor, String why) {
		record(vendor, "EXPECTED BUT NOT REACHABLE, its tests fail (" + why + ")");
	}

	/**
	 * Return the report as written.
	 * @return one line per vendor
	 */
	public static synchronized String text() {
		StringBuilder text = new StringBuilder();
		for (Vendor vendor : Vendor.values()) {
			text.append(vendor.displayName())
				.append(": ")
				.append(statuses.getOrDefault(vendor, "not used by the tests run"))
				.append('\n');
		}
		return text.toString();
	}

	private static synchronized void record(Vendor vendor, String status) {
		if (status.equals(statuses.put(vendor, status))) {
			return;
		}
		System.out.println("[VendorReport] " + vendor.displayName() + ": " + status);
		try {
			Files.createDirectories(FILE.toAbsolutePath().getParent());
			Files.writeString(FILE, text());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + FILE.toAbsolutePath(), ex);
		}
	}

}
