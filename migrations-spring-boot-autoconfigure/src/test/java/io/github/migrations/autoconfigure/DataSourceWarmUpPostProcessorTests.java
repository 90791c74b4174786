package io.github.migrations.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.names;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DataSourceWarmUpPostProcessor}: the first connection is opened ahead on a
 * thread of its own, and nothing else changes.
 *
 * @author Migrations contributors
 */
class DataSourceWarmUpPostProcessorTests {

	private static final boolean SEVERAL_PROCESSORS = Runtime.getRuntime().availableProcessors() > 1;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.model-packages=" + FIXTURES, "migrations.connection-warm-up=true");

	@Test
	void theFirstConnectionIsOpenedOnAThreadOfItsOwnAndTheMigrationsAreAppliedBeforeTheContextIsReady() {
		RecordingDataSource dataSource = new RecordingDataSource(null);
		this.contextRunner.withBean(RecordingDataSource.class, () -> dataSource).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(names(context.getBean(Migrations.class).status(), true)).hasSize(3);
			if (SEVERAL_PROCESSORS) {
				assertThat(dataSource.events).contains("connection on " + DataSourceWarmUpPostProcessor.THREAD_NAME);
			}
			else {
				assertThat(dataSource.events).noneMatch((event) -> event.contains(DataSourceWarmUpPostProcessor.THREAD_NAME));
			}
		});
	}

	@Test
	void nothingIsOpenedAheadUnlessTurnedOn() {
		RecordingDataSource dataSource = new RecordingDataSource(null);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withPropertyValues("migrations.model-packages=" + FIXTURES)
			.withBean(RecordingDataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DataSourceWarmUpPostProcessor.class);
				assertThat(names(context.getBean(Migrations.class).status(), true)).hasSize(3);
				assertThat(dataSource.events).isNotEmpty()
					.noneMatch((event) -> event.contains(DataSourceWarmUpPostProcessor.THREAD_NAME));
			});
	}

	@Test
	void nothingIsOpenedAheadWhenTurnedOffOrWhenNothingIsMigratedAtStartup() {
		for (String property : List.of("migrations.connection-warm-up=false", "migrations.enabled=false", "migrations.migrate-on-startup=false",
				"migrations.command=showmigrations", "migrations.user=other")) {
			RecordingDataSource dataSource = new RecordingDataSource(null);
			this.contextRunner.withBean(RecordingDataSource.class, () -> dataSource)
				.withPropertyValues(property)
				.run((context) -> assertThat(dataSource.events).as(property)
					.noneMatch((event) -> event.contains(DataSourceWarmUpPostProcessor.THREAD_NAME)));
		}
	}

	@Test
	void nothingIsOpenedAheadForAStrategyOfTheApplication() {
		RecordingDataSource dataSource = new RecordingDataSource(null);
		this.contextRunner.withBean(RecordingDataSource.class, () -> dataSource)
			.withBean(MigrationsStrategy.class, () -> (migrations) -> {
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(dataSource.events).isEmpty();
			});
	}

	@Test
	void aDatabaseThatCannotBeReachedFailsTheStartAsWithoutTheWarmUp() {
		RecordingDataSource dataSource = new RecordingDataSource(new SQLException("Connection refused"));
		this.contextRunner.withBean(RecordingDataSource.class, () -> dataSource).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class)
				.hasMessageContaining("migrationsInitializer")
				.cause()
				.isInstanceOf(MigrationException.class)
				.hasMessage("Cannot use the database for migrate: Connection refused");
		});
	}

	@Test
	void theDataSourceIsClosedOnlyOnceTheConnectionAttemptIsOver() {
		RecordingDataSource dataSource = new RecordingDataSource(null);
		dataSource.warmUpDelay = 300;
		this.contextRunner.withBean(RecordingDataSource.class, () -> dataSource)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(dataSource.events).last().isEqualTo("closed");
		if (SEVERAL_PROCESSORS) {
			assertThat(dataSource.events).contains("connection on " + DataSourceWarmUpPostProcessor.THREAD_NAME);
		}
	}

	/**
	 * An H2 {@code DataSource} that records who connects, and when it is closed.
	 */
	static final class RecordingDataSource extends SimpleDriverDataSource implements DisposableBean {

		final List<String> events = new CopyOnWriteArrayList<>();

		private final SQLException failure;

		volatile long warmUpDelay;

		RecordingDataSource(SQLException failure) {
			super(new org.h2.Driver(), uniqueH2Url(), "sa", "");
			this.failure = failure;
		}

		@Override
		public Connection getConnection() throws SQLException {
			String thread = Thread.currentThread().getName();
			if (thread.equals(DataSourceWarmUpPostProcessor.THREAD_NAME) && this.warmUpDelay > 0) {
				try {
					Thread.sleep(this.warmUpDelay);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.events.add("connection on " + thread);
			if (this.failure != null) {
				throw this.failure;
			}
			return super.getConnection();
		}

		@Override
		public void destroy() {
			this.events.add("closed");
		}

	}

}
