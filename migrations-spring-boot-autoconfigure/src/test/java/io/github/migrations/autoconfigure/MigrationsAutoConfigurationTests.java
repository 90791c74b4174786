package io.github.migrations.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.autoconfigure.fixtures.crm.Customer;
import io.github.migrations.autoconfigure.fixtures.shop.Product;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.names;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsAutoConfiguration}: back-off, the beans it defines, DataSource
 * selection, properties and model scanning.
 *
 * @author Migrations contributors
 */
class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.model-packages=" + FIXTURES);

	private final ApplicationContextRunner h2Runner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + uniqueH2Url());

	@Test
	void backsOffWithNoDataSourceBeanAndNoMigrationsUrl() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(Migrations.class)
			.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.h2Runner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(Migrations.class)
				.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenTheEngineIsNotOnTheClasspath() {
		this.h2Runner.withClassLoader(new FilteredClassLoader(Migrations.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(MigrationsInitializer.class)
				.doesNotHaveBean(MigrationsProperties.class));
	}

	@Test
	void backsOffWithSeveralDataSourcesAndNoPrimary() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrations.class));
	}

	@Test
	void migratesTheQualifiedDataSourceAmongSeveralWithNoPrimary() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class, MigrationsDataSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).hasSingleBean(MigrationsInitializer.class);
				DataSource qualified = context.getBean("migrationsOnlyDataSource", DataSource.class);
				assertThat(context.getBean(Migrations.class).configuration().dataSource()).isSameAs(qualified);
				assertThat(tables(qualified)).contains("SHOP_PRODUCT", "MIGRATIONS_HISTORY");
				assertThat(tables(context.getBean("firstDataSource", DataSource.class))).isEmpty();
				assertThat(tables(context.getBean("secondDataSource", DataSource.class))).isEmpty();
			});
	}

	@Test
	void migratesTheQualifiedOneOfTwoCandidateDataSourcesWithNoPrimary() {
		this.contextRunner.withUserConfiguration(OneOfTwoQualifiedConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Migrations.class);
			DataSource owner = context.getBean("ownerDataSource", DataSource.class);
			assertThat(context.getBean(Migrations.class).configuration().dataSource()).isSameAs(owner);
			assertThat(tables(owner)).contains("SHOP_PRODUCT");
			assertThat(tables(context.getBean("appDataSource", DataSource.class))).isEmpty();
		});
	}

	@Test
	void migratesThePrimaryAmongSeveralDataSources() {
		this.contextRunner.withUserConfiguration(PrimaryAmongTwoConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
			DataSource primary = context.getBean("primaryDataSource", DataSource.class);
			assertThat(context.getBean(Migrations.class).configuration().dataSource()).isSameAs(primary);
			assertThat(tables(primary)).contains("CRM_CUSTOMER", "SHOP_PRODUCT", "MIGRATIONS_HISTORY");
			assertThat(tables(context.getBean("reportingDataSource", DataSource.class))).isEmpty();
		});
	}

	@Test
	void appliesPendingMigrationsAtStartup() {
		this.h2Runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).hasSingleBean(MigrationsInitializer.class);
			assertThat(names(context.getBean(Migrations.class).status(), true)).containsExactly("crm.0001_initial",
					"shop.0001_initial", "shop.0002_add_sku");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.update("insert into shop_product (name, stock, sku) values ('pen', 3, 'P-1')");
			assertThat(jdbc.queryForObject("select count(*) from migrations_history", Integer.class)).isEqualTo(3);
		});
	}

	@Test
	void migrationsBeanUsesTheApplicationDataSource() {
		this.h2Runner.run((context) -> assertThat(context.getBean(Migrations.class).configuration().dataSource())
			.isSameAs(context.getBean(DataSource.class)));
	}

	@Test
	void createsDataSourceFromMigrationsUrlWithNoDataSourceBean() {
		String url = uniqueH2Url();
		this.contextRunner.withPropertyValues("migrations.url=" + url, "migrations.user=sa").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).doesNotHaveBean(DataSource.class);
			DataSource dataSource = context.getBean(Migrations.class).configuration().dataSource();
			assertThat(dataSource).isInstanceOf(SimpleDriverDataSource.class);
			assertThat(((SimpleDriverDataSource) dataSource).getUrl()).isEqualTo(url);
			assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from crm_customer", Integer.class))
				.isZero();
		});
	}

	@Test
	void migrationsUrlTakesPrecedenceOverTheApplicationDataSource() {
		String url = uniqueH2Url();
		this.h2Runner.withPropertyValues("migrations.url=" + url).run((context) -> {
			DataSource dataSource = context.getBean(Migrations.class).configuration().dataSource();
			assertThat(dataSource).isNotSameAs(context.getBean(DataSource.class));
			assertThat(((SimpleDriverDataSource) dataSource).getUrl()).isEqualTo(url);
		});
	}

	@Test
	void migrationsUserDerivesADataSourceFromTheApplicationOne() {
		this.h2Runner.withPropertyValues("migrations.user=sa", "migrations.password=").run((context) -> {
			DataSource dataSource = context.getBean(Migrations.class).configuration().dataSource();
			assertThat(dataSource).isInstanceOf(SimpleDriverDataSource.class);
			assertThat(((SimpleDriverDataSource) dataSource).getUsername()).isEqualTo("sa");
		});
	}

	@Test
	void migrationsDataSourceQualifiedBeanIsPreferred() {
		this.h2Runner.withUserConfiguration(MigrationsDataSourceConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			DataSource migrationsDataSource = context.getBean("migrationsOnlyDataSource", DataSource.class);
			assertThat(context.getBean(Migrations.class).configuration().dataSource()).isSameAs(migrationsDataSource);
			assertThat(context.getBean(DataSource.class)).isNotSameAs(migrationsDataSource);
		});
	}

	@Test
	void connectionDetailsComeFromPropertiesByDefault() {
		this.h2Runner.withPropertyValues("migrations.url=jdbc:h2:mem:details", "migrations.user=owner")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsConnectionDetails.class)
					.hasSingleBean(PropertiesMigrationsConnectionDetails.class);
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo("jdbc:h2:mem:details");
				assertThat(details.getUsername()).isEqualTo("owner");
				assertThat(details.getDriverClassName()).isEqualTo("org.h2.Driver");
			});
	}

	@Test
	void connectionDetailsBeanIsUsedOverProperties() {
		String url = uniqueH2Url();
		this.h2Runner.withPropertyValues("migrations.url=jdbc:h2:mem:ignored", "migrations.user=ignored")
			.withBean(MigrationsConnectionDetails.class, () -> connectionDetails(url, "sa"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesMigrationsConnectionDetails.class);
				SimpleDriverDataSource dataSource = (SimpleDriverDataSource) context.getBean(Migrations.class)
					.configuration()
					.dataSource();
				assertThat(dataSource.getUrl()).isEqualTo(url);
				assertThat(dataSource.getUsername()).isEqualTo("sa");
				assertThat(names(context.getBean(Migrations.class).status(), true)).hasSize(3);
			});
	}

	@Test
	void connectionDetailsBeanAloneIsEnoughToAutoConfigure() {
		String url = uniqueH2Url();
		this.contextRunner.withBean(MigrationsConnectionDetails.class, () -> connectionDetails(url, "sa"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).doesNotHaveBean(DataSource.class);
				assertThat(names(context.getBean(Migrations.class).status(), true)).hasSize(3);
			});
	}

	@Test
	void connectionDetailsWithoutUrlDeriveFromTheApplicationDataSource() {
		this.h2Runner.withBean(MigrationsConnectionDetails.class, () -> connectionDetails(null, "sa"))
			.run((context) -> {
				SimpleDriverDataSource dataSource = (SimpleDriverDataSource) context.getBean(Migrations.class)
					.configuration()
					.dataSource();
				assertThat(dataSource.getUsername()).isEqualTo("sa");
				assertThat(dataSource.getUrl()).isEqualTo(context.getEnvironment().getProperty("spring.datasource.url"));
			});
	}

	@Test
	void migrationsDataSourceQualifiedBeanIsPreferredOverConnectionDetails() {
		this.h2Runner.withUserConfiguration(MigrationsDataSourceConfiguration.class)
			.withBean(MigrationsConnectionDetails.class, () -> connectionDetails(uniqueH2Url(), "sa"))
			.run((context) -> assertThat(context.getBean(Migrations.class).configuration().dataSource())
				.isSameAs(context.getBean("migrationsOnlyDataSource")));
	}

	@Test
	void userDefinedMigrationsBeanReplacesOursAndIsMigrated() {
		this.h2Runner.withUserConfiguration(CustomMigrationsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).hasSingleBean(MigrationsInitializer.class);
			Migrations migrations = context.getBean(Migrations.class);
			assertThat(migrations).isSameAs(context.getBean("customMigrations"));
			assertThat(migrations.configuration().historyTable()).isEqualTo("custom_history");
			assertThat(context.getBean(MigrationsInitializer.class).getMigrations()).isSameAs(migrations);
			assertThat(names(migrations.status(), true)).hasSize(3);
		});
	}

	@Test
	void userDefinedInitializerReplacesOurs() {
		this.h2Runner.withUserConfiguration(CustomInitializerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
			assertThat(context.getBean(MigrationsInitializer.class).getOrder()).isEqualTo(42);
		});
	}

	@Test
	void strategyIsUsedInsteadOfMigrating() {
		this.h2Runner.withUserConfiguration(RecordingStrategyConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RecordingStrategy strategy = context.getBean(RecordingStrategy.class);
			assertThat(strategy.calls).containsExactly(context.getBean(Migrations.class));
			assertThat(names(context.getBean(Migrations.class).status(), true)).isEmpty();
			assertThat(names(context.getBean(Migrations.class).status(), false)).containsExactly("crm.0001_initial",
					"shop.0001_initial", "shop.0002_add_sku");
		});
	}

	@Test
	void propertiesAreBoundToTheConfiguration() {
		this.h2Runner
			.withPropertyValues("migrations.table=applied_migrations", "migrations.lock-timeout=5",
					"migrations.validate-checksums=false", "migrations.location=classpath:db/other-migrations",
					"migrations.model-packages=" + FIXTURES + ".crm")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsProperties properties = context.getBean(MigrationsProperties.class);
				assertThat(properties.getTable()).isEqualTo("applied_migrations");
				assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
				Migrations migrations = context.getBean(Migrations.class);
				assertThat(migrations.configuration().historyTable()).isEqualTo("applied_migrations");
				assertThat(migrations.configuration().lockTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(migrations.configuration().validateChecksums()).isFalse();
				assertThat(migrations.configuration().modelClasses()).containsExactly(Customer.class);
				assertThat(migrations.configuration().source().list()).isEmpty();
				assertThat(migrations.status()).allSatisfy((app) -> assertThat(app.migrations()).isEmpty());
			});
	}

	@Test
	void historyIsRecordedInTheConfiguredTable() {
		this.h2Runner.withPropertyValues("migrations.table=applied_migrations").run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("select count(*) from applied_migrations", Integer.class)).isEqualTo(3);
		});
	}

	@Test
	void migrationFilesAreFoundOnTheClasspath() {
		this.h2Runner.withPropertyValues("migrations.enabled=true").run((context) -> {
			Migrations migrations = context.getBean(Migrations.class);
			assertThat(migrations.configuration().source().list())
				.extracting((resource) -> resource.app() + "." + resource.name())
				.containsExactly("crm.0001_initial", "shop.0001_initial", "shop.0002_add_sku");
		});
	}

	@Test
	void modelsAreScannedInTheAutoConfigurationPackagesByDefault() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withPropertyValues("migrations.url=" + uniqueH2Url())
			.withInitializer((context) -> AutoConfigurationPackages.register((BeanDefinitionRegistry) context,
					FIXTURES + ".shop"))
			.run((context) -> assertThat(context.getBean(Migrations.class).configuration().modelClasses())
				.containsExactly(Product.class));
	}

	@Test
	void modelPackagesPropertyIsScanned() {
		this.h2Runner.run((context) -> assertThat(context.getBean(Migrations.class).configuration().modelClasses())
			.containsExactly(Customer.class, Product.class));
	}

	@Test
	void modelsMatchTheCheckedInMigrations() {
		this.h2Runner.run((context) -> assertThat(context.getBean(Migrations.class).appsWithUnmigratedChanges())
			.isEmpty());
	}

	@Test
	void customizersAreAppliedInOrderAfterProperties() {
		this.h2Runner.withPropertyValues("migrations.table=from_properties")
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> assertThat(context.getBean(Migrations.class).configuration().historyTable())
				.isEqualTo("second_customizer"));
	}

	@Test
	void schemaManagementProviderReportsTheMigratedDataSourceAsManaged() {
		this.h2Runner.run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(DataSourceBuilder.create().url(uniqueH2Url()).build()))
				.isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void schemaManagementProviderReportsTheApplicationDataSourceAsManagedWhenMigratingItWithAnotherUser() {
		this.h2Runner.withPropertyValues("migrations.user=sa", "migrations.password=").run((context) -> {
			DataSource application = context.getBean(DataSource.class);
			assertThat(context.getBean(Migrations.class).configuration().dataSource()).isNotSameAs(application);
			assertThat(context.getBean(SchemaManagementProvider.class).getSchemaManagement(application))
				.isEqualTo(SchemaManagement.MANAGED);
		});
	}

	@Test
	void schemaManagementProviderReportsTheApplicationDataSourceAsManagedWhenMigrationsUrlIsTheSameDatabase() {
		this.h2Runner.run((context) -> {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			this.h2Runner.withPropertyValues("spring.datasource.url=" + url, "migrations.url=" + url, "migrations.user=sa")
				.run((sameDatabase) -> assertThat(sameDatabase.getBean(SchemaManagementProvider.class)
					.getSchemaManagement(sameDatabase.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED));
		});
	}

	@Test
	void schemaManagementProviderReportsTheApplicationDataSourceAsUnmanagedWhenMigrationsUrlIsAnotherDatabase() {
		this.h2Runner.withPropertyValues("migrations.url=" + uniqueH2Url(), "migrations.user=sa")
			.run((context) -> assertThat(context.getBean(SchemaManagementProvider.class)
				.getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.UNMANAGED));
	}

	@Test
	void schemaManagementProviderIsKeptBesideThoseOfOtherModules() {
		this.h2Runner.withBean("flywayDefaultDdlModeProvider", SchemaManagementProvider.class,
				() -> (dataSource) -> SchemaManagement.UNMANAGED)
			.run((context) -> assertThat(context.getBeansOfType(SchemaManagementProvider.class))
				.containsKeys("flywayDefaultDdlModeProvider", "migrationsDefaultDdlModeProvider"));
	}

	@Test
	void schemaManagementProviderIsReplacedByABeanOfTheSameName() {
		SchemaManagementProvider own = (dataSource) -> SchemaManagement.UNMANAGED;
		this.h2Runner.withBean("migrationsDefaultDdlModeProvider", SchemaManagementProvider.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(SchemaManagementProvider.class)
				.isSameAs(own));
	}

	@Test
	void lazyInitializationExcludeFilterKeepsTheInitializerEager() {
		this.h2Runner.withPropertyValues("spring.main.lazy-initialization=true").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasBean("migrationsInitializerLazyInitializationExcludeFilter");
			assertThat(tables(context.getBean(DataSource.class))).contains("SHOP_PRODUCT");
		});
	}

	@Test
	void lazyInitializationExcludeFilterIsReplacedByABeanOfTheSameName() {
		LazyInitializationExcludeFilter own = (name, definition, type) -> false;
		this.h2Runner.withBean("migrationsInitializerLazyInitializationExcludeFilter",
				LazyInitializationExcludeFilter.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean("migrationsInitializerLazyInitializationExcludeFilter")
				.isSameAs(own));
	}

	private static List<String> tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"select table_name from information_schema.tables where table_schema = 'PUBLIC' order by 1",
				String.class);
	}

	private static MigrationsConnectionDetails connectionDetails(@Nullable String url, String username) {
		return new MigrationsConnectionDetails() {

			@Override
			public @Nullable String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return username;
			}

			@Override
			public String getPassword() {
				return "";
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		DataSource firstDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

		@Bean
		DataSource secondDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneOfTwoQualifiedConfiguration {

		@Bean
		DataSource appDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

		@Bean
		@MigrationsDataSource
		DataSource ownerDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryAmongTwoConfiguration {

		@Bean
		@Primary
		DataSource primaryDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

		@Bean
		DataSource reportingDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsDataSourceConfiguration {

		@Bean(defaultCandidate = false)
		@MigrationsDataSource
		DataSource migrationsOnlyDataSource() {
			return DataSourceBuilder.create().url(uniqueH2Url()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMigrationsConfiguration {

		@Bean
		Migrations customMigrations(DataSource dataSource) {
			return Migrations.configure().dataSource(dataSource).historyTable("custom_history").load();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomInitializerConfiguration {

		@Bean
		MigrationsInitializer customInitializer(Migrations migrations) {
			MigrationsInitializer initializer = new MigrationsInitializer(migrations, (engine) -> {
			});
			initializer.setOrder(42);
			return initializer;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingStrategyConfiguration {

		@Bean
		RecordingStrategy recordingStrategy() {
			return new RecordingStrategy();
		}

	}

	static class RecordingStrategy implements MigrationsStrategy {

		final List<Migrations> calls = new ArrayList<>();

		@Override
		public void migrate(Migrations migrations) {
			this.calls.add(migrations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		MigrationsConfigurationCustomizer secondCustomizer() {
			return (builder) -> builder.historyTable("second_customizer");
		}

		@Bean
		@Order(1)
		MigrationsConfigurationCustomizer firstCustomizer() {
			return (builder) -> builder.historyTable("first_customizer");
		}

	}

}
