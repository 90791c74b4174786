package io.github.migrations.testcontainers;

import io.github.migrations.autoconfigure.MigrationsConnectionDetails;
import org.testcontainers.containers.JdbcDatabaseContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} that creates {@link MigrationsConnectionDetails} from
 * any {@code @ServiceConnection}-annotated {@link JdbcDatabaseContainer} (PostgreSQL, MariaDB,
 * ...), so migrations are applied to the container's database.
 *
 * @author Migrations contributors
 */
class MigrationsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrationsConnectionDetails> {

	MigrationsContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.github.migrations.Migrations");
	}

	@Override
	protected MigrationsConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
		return new MigrationsContainerConnectionDetails(source);
	}

	/**
	 * {@link MigrationsConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	private static final class MigrationsContainerConnectionDetails
			extends ContainerConnectionDetails<JdbcDatabaseContainer<?>> implements MigrationsConnectionDetails {

		private MigrationsContainerConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
