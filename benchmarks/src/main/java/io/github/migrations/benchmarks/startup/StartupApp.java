package io.github.migrations.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.metrics.StartupStep.Tag;

/**
 * The application of the startup measurement (2): an empty Spring Boot application with a
 * {@code DataSource}, started in a process of its own with whichever migration tool's starter is
 * on its class path (or none, for the baseline). Prints one line,
 * {@code STARTUP context=<ns> tool=<ns> uptime=<ms> cpu=<ns> main-cpu=<ns>}: the time
 * {@code SpringApplication.run} took, the time spent creating the tool's beans (from Spring's
 * {@link BufferingApplicationStartup} timeline; the union of the steps of the beans named in the
 * system property {@code bench.tool-beans}, so nested steps count once), the JVM's uptime, and the
 * processor time over the same interval as {@code context} (from entering {@code main} to the
 * context being ready): of the whole process (every thread: the tool's own threads, the JIT's,
 * the collector's) and of the main thread alone. Processor time moves far less than wall
 * time when other processes compete for the cores.
 * Every variant opens one connection before {@code run} returns, as an application that uses its
 * database does, so that starting the driver and the pool is not counted as a tool's work.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApp {

	/**
	 * Open one connection, as the application's own use of the database would.
	 * @param dataSource the application's data source
	 * @return the runner
	 */
	@Bean
	ApplicationRunner useTheDatabase(DataSource dataSource) {
		return (arguments) -> dataSource.getConnection().close();
	}

	/**
	 * Start the application, print the timings and stop it.
	 * @param args Spring Boot arguments ({@code --property=value})
	 */
	public static void main(String[] args) {
		// the management beans' classes load before any clock starts, the same in every variant
		long cpuAtStart = processCpuNanos();
		long mainCpuAtStart = mainThreadCpuNanos();
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupApp.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(200_000);
		application.setApplicationStartup(startup);
		try (ConfigurableApplicationContext context = application.run(args)) {
			long contextNanos = System.nanoTime() - start;
			long cpu = processCpuNanos() - cpuAtStart;
			long mainCpu = mainThreadCpuNanos() - mainCpuAtStart;
			Set<String> beans = Set.of(System.getProperty("bench.tool-beans", "").split(","));
			long tool = toolNanos(startup.getBufferedTimeline().getEvents(), beans);
			System.out.println("STARTUP context=" + contextNanos + " tool=" + tool + " uptime="
					+ ManagementFactory.getRuntimeMXBean().getUptime() + " cpu=" + cpu + " main-cpu=" + mainCpu);
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long mainThreadCpuNanos() {
		return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static long toolNanos(List<TimelineEvent> events, Set<String> beans) {
		List<TimelineEvent> tool = new ArrayList<>();
		for (TimelineEvent event : events) {
			for (Tag tag : event.getStartupStep().getTags()) {
				if (tag.getKey().equals("beanName") && beans.contains(tag.getValue())) {
					tool.add(event);
				}
			}
		}
		tool.sort(Comparator.comparing(TimelineEvent::getStartTime));
		long total = 0;
		Instant coveredUntil = Instant.MIN;
		for (TimelineEvent event : tool) {
			Instant from = event.getStartTime().isAfter(coveredUntil) ? event.getStartTime() : coveredUntil;
			if (event.getEndTime().isAfter(from)) {
				total += Duration.between(from, event.getEndTime()).toNanos();
				coveredUntil = event.getEndTime();
			}
		}
		return total;
	}

}
