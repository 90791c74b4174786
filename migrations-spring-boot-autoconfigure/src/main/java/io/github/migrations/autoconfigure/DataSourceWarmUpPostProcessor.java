package io.github.migrations.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Opens the first connection of the {@code DataSource} that the migrations use on a thread of
 * its own as soon as that bean is initialized, and gives it back at once, so that the pool's
 * start (loading and initializing the pool's and the JDBC driver's classes, connecting and
 * logging in) overlaps with the beans created until the migrations need it. The migrations then
 * borrow a connection from a started pool.
 * <p>
 * Registered only with {@code migrations.connection-warm-up=true}: the pool's start overlaps with
 * nothing when the {@code DataSource} is created just before the migrations need it, as it is
 * in most applications. Nothing is opened in command mode, with
 * {@code migrations.migrate-on-startup=false}, with
 * {@code migrations.url} or {@code migrations.user} (the migrations then use a connection of
 * their own), with a {@link MigrationsStrategy} bean (which may not connect), with several
 * {@code DataSource} beans, or with a single processor. A failed attempt is forgotten: the
 * migrations connect again and report the failure as without this warm-up. The
 * {@code DataSource} is closed only after the attempt is over, so that no connection outlives
 * it.
 *
 * @author Migrations contributors
 */
final class DataSourceWarmUpPostProcessor implements DestructionAwareBeanPostProcessor, BeanFactoryAware, EnvironmentAware {

	/** The name of the thread that opens the connection. */
	static final String THREAD_NAME = "migrations-connection-warm-up";

	private @Nullable ListableBeanFactory beanFactory;

	private @Nullable Environment environment;

	private volatile @Nullable Thread warmUp;

	private volatile @Nullable DataSource warmed;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ListableBeanFactory listable) ? listable : null;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof DataSource dataSource && this.warmUp == null && isMigrationsDataSource(beanName)) {
			Thread thread = new Thread(() -> openAndClose(dataSource), THREAD_NAME);
			thread.setDaemon(true);
			this.warmed = dataSource;
			this.warmUp = thread;
			thread.start();
		}
		return bean;
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean == this.warmed;
	}

	/**
	 * Wait for the connection attempt before the {@code DataSource} is closed.
	 * @param bean the bean being destroyed
	 * @param beanName its name
	 */
	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		Thread thread = this.warmUp;
		if (bean == this.warmed && thread != null) {
			boolean interrupted = false;
			while (thread.isAlive()) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private boolean isMigrationsDataSource(String beanName) {
		Environment environment = this.environment;
		ListableBeanFactory beanFactory = this.beanFactory;
		if (environment == null || beanFactory == null || Runtime.getRuntime().availableProcessors() < 2) {
			return false;
		}
		if (!MigrationFilesReadAheadPostProcessor.migratesOnStartup(environment)
				|| environment.containsProperty("migrations.url") || environment.containsProperty("migrations.user")) {
			return false;
		}
		String[] dataSources = beanFactory.getBeanNamesForType(DataSource.class, true, false);
		return dataSources.length == 1 && dataSources[0].equals(beanName)
				&& beanFactory.getBeanNamesForType(MigrationsStrategy.class, true, false).length == 0
				&& onlyPropertiesConnectionDetails(beanFactory);
	}

	private static boolean onlyPropertiesConnectionDetails(ListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForType(MigrationsConnectionDetails.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type == null || !PropertiesMigrationsConnectionDetails.class.isAssignableFrom(type)) {
				return false;
			}
		}
		return true;
	}

	private static void openAndClose(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			// opened: the pool is started
		}
		catch (SQLException | RuntimeException ex) {
			// the migrations connect again and report it
		}
	}

}
