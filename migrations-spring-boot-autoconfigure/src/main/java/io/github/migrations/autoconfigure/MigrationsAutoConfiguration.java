package io.github.migrations.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.loader.MigrationSource;
import io.github.migrations.model.Model;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Django-style migrations: a
 * {@link Migrations} engine built from {@link MigrationsProperties}, and a
 * {@link MigrationsInitializer} that applies pending migrations at startup.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrations.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@Import(DatabaseInitializationDependencyConfigurer.class)
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsAutoConfiguration {

	// Both beans below are contributions that Spring Boot collects among those of other
	// modules (Flyway, Liquibase, JMX, ...): a missing-bean condition on their type would drop
	// ours whenever another module's came first, so they back off by name only.

	@Bean
	@ConditionalOnMissingBean(name = "migrationsInitializerLazyInitializationExcludeFilter")
	static LazyInitializationExcludeFilter migrationsInitializerLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
	}

	@Bean
	static MigrationFilesReadAheadPostProcessor migrationFilesReadAheadPostProcessor() {
		return new MigrationFilesReadAheadPostProcessor();
	}

	@Bean
	@ConditionalOnBooleanProperty("migrations.connection-warm-up")
	static DataSourceWarmUpPostProcessor migrationsDataSourceWarmUpPostProcessor() {
		return new DataSourceWarmUpPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean(name = "migrationsDefaultDdlModeProvider")
	MigrationsSchemaManagementProvider migrationsDefaultDdlModeProvider(ObjectProvider<Migrations> migrations) {
		return new MigrationsSchemaManagementProvider(migrations);
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsEngineConfiguration {

		@Bean
		@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
		PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
			return new PropertiesMigrationsConnectionDetails(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		Migrations migrations(MigrationsProperties properties, MigrationsConnectionDetails connectionDetails,
				ObjectProvider<DataSource> dataSource,
				@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
				ObjectProvider<MigrationsConfigurationCustomizer> customizers, ResourceLoader resourceLoader,
				Environment environment, BeanFactory beanFactory) {
			ReadAheadMigrationSource readAhead = beanFactory.containsBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME)
					? beanFactory.getBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME, ReadAheadMigrationSource.class)
					: null;
			ClassLoader classLoader = (resourceLoader.getClassLoader() != null) ? resourceLoader.getClassLoader()
					: ClassUtils.getDefaultClassLoader();
			Assert.state(classLoader != null, "No class loader available to scan for models");
			List<String> modelPackages = modelPackages(properties, beanFactory);
			MigrationsConfiguration.Builder builder = Migrations.configure()
				.classLoader(classLoader)
				.dataSource(getDataSource(connectionDetails, migrationsDataSource, dataSource, classLoader))
				.modelClasses(new ScannedModels(modelPackages, resourceLoader, environment, classLoader))
				.source(source(readAhead, properties, resourceLoader))
				.historyTable(properties.getTable())
				.lockTimeout(properties.getLockTimeout())
				.validateChecksums(properties.isValidateChecksums())
				.lint(properties.getLint());
			Iterator<MigrationsConfigurationCustomizer> ordered = customizers.orderedStream().iterator();
			while (ordered.hasNext()) {
				ordered.next().customize(builder);
			}
			Migrations migrations = builder.load();
			if (readAhead != null && migrations.configuration().source() != readAhead) {
				readAhead.cancel();
			}
			return migrations;
		}

		/**
		 * The files of {@code migrations.location}: those read ahead since the context started
		 * (see {@link MigrationFilesReadAheadPostProcessor}) when they are of that location.
		 */
		private MigrationSource source(@Nullable ReadAheadMigrationSource readAhead, MigrationsProperties properties,
				ResourceLoader resourceLoader) {
			if (readAhead != null && readAhead.location().equals(properties.getLocation())) {
				return readAhead;
			}
			if (readAhead != null) {
				readAhead.cancel();
			}
			return new ResourcePatternMigrationSource(new PathMatchingResourcePatternResolver(resourceLoader),
					properties.getLocation());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(Migrations.class)
		@Conditional(NotCommandModeCondition.class)
		MigrationsInitializer migrationsInitializer(Migrations migrations,
				ObjectProvider<MigrationsStrategy> migrationsStrategy, MigrationsProperties properties) {
			MigrationsStrategy strategy = migrationsStrategy.getIfAvailable();
			return new MigrationsInitializer(migrations,
					(strategy != null) ? strategy : new PropertiesMigrationsStrategy(properties));
		}

		private DataSource getDataSource(MigrationsConnectionDetails connectionDetails,
				ObjectProvider<DataSource> migrationsDataSource, ObjectProvider<DataSource> dataSource,
				ClassLoader classLoader) {
			DataSource qualified = migrationsDataSource.getIfAvailable();
			if (qualified != null) {
				return qualified;
			}
			if (connectionDetails.getJdbcUrl() != null) {
				return DataSourceBuilder.create(classLoader)
					.type(SimpleDriverDataSource.class)
					.url(connectionDetails.getJdbcUrl())
					.driverClassName(connectionDetails.getDriverClassName())
					.username(connectionDetails.getUsername())
					.password(connectionDetails.getPassword())
					.build();
			}
			DataSource primary = dataSource.getIfUnique();
			Assert.state(primary != null, "Migrations DataSource missing: define a single DataSource bean, "
					+ "a @MigrationsDataSource bean, or set 'migrations.url'");
			if (connectionDetails.getUsername() != null) {
				return DataSourceBuilder.derivedFrom(primary)
					.type(SimpleDriverDataSource.class)
					.username(connectionDetails.getUsername())
					.password(connectionDetails.getPassword())
					.build();
			}
			return primary;
		}

		private List<String> modelPackages(MigrationsProperties properties, BeanFactory beanFactory) {
			if (!properties.getModelPackages().isEmpty()) {
				return properties.getModelPackages();
			}
			return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
		}

		/**
		 * The model classes, scanned for when a command first needs them (never on a restart
		 * that applies nothing). A class rather than a lambda, as every step of such a restart is:
		 * a lambda is a class spun on its first call, in a fresh JVM the costliest way to get one.
		 */
		private record ScannedModels(List<String> packages, ResourceLoader resourceLoader, Environment environment,
				ClassLoader classLoader) implements Supplier<List<Class<?>>> {

			@Override
			public List<Class<?>> get() {
				return scanModels(this.packages, this.resourceLoader, this.environment, this.classLoader);
			}

		}

		private static List<Class<?>> scanModels(List<String> packages, ResourceLoader resourceLoader,
				Environment environment, ClassLoader classLoader) {
			ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(
					false, environment);
			scanner.setResourceLoader(resourceLoader);
			scanner.addIncludeFilter(new AnnotationTypeFilter(Model.class));
			Set<String> classNames = new LinkedHashSet<>();
			for (String modelPackage : packages) {
				for (BeanDefinition candidate : scanner.findCandidateComponents(modelPackage)) {
					String className = candidate.getBeanClassName();
					if (className != null) {
						classNames.add(className);
					}
				}
			}
			List<Class<?>> models = new ArrayList<>();
			for (String className : classNames) {
				models.add(ClassUtils.resolveClassName(className, classLoader));
			}
			models.sort(Comparator.comparing(Class::getName));
			return models;
		}

	}

	/**
	 * Matches unless {@code migrations.command} is set: in command mode nothing is applied at
	 * startup, the command does the work.
	 */
	static final class NotCommandModeCondition extends NoneNestedConditions {

		NotCommandModeCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(MigrationsCommandEnvironmentPostProcessor.COMMAND_PROPERTY)
		private static final class CommandModeCondition {

		}

	}

	/**
	 * Matches when there is a single candidate {@link DataSource} bean, a
	 * {@link MigrationsDataSource @MigrationsDataSource} one (whatever the number of others), a
	 * {@link MigrationsConnectionDetails} bean or a dedicated {@code migrations.url}.
	 */
	static final class MigrationsDataSourceCondition extends AnyNestedCondition {

		MigrationsDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnSingleCandidate(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@Conditional(QualifiedDataSourceCondition.class)
		private static final class MigrationsDataSourceBeanCondition {

		}

		@ConditionalOnBean(MigrationsConnectionDetails.class)
		private static final class MigrationsConnectionDetailsCondition {

		}

		@ConditionalOnProperty("migrations.url")
		private static final class MigrationsUrlCondition {

		}

	}

	/**
	 * Matches when a {@link DataSource} bean is qualified {@link MigrationsDataSource
	 * @MigrationsDataSource}, including one declared with {@code defaultCandidate = false} (which
	 * {@code @ConditionalOnBean} ignores): the qualifier names the DataSource to migrate, whatever
	 * other DataSources exist.
	 */
	static final class QualifiedDataSourceCondition extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition(MigrationsDataSource.class);
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			if (beanFactory != null) {
				for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
					if (beanFactory.findAnnotationOnBean(name, MigrationsDataSource.class, false) != null) {
						return ConditionOutcome.match(message.found("qualified DataSource bean").items(name));
					}
				}
			}
			return ConditionOutcome.noMatch(message.didNotFind("qualified DataSource bean").atAll());
		}

	}

}
