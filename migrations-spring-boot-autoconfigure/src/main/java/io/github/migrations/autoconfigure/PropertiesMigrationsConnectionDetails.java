package io.github.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link MigrationsConnectionDetails} from {@link MigrationsProperties}: {@code migrations.url},
 * {@code migrations.user} and {@code migrations.password}.
 *
 * @author Migrations contributors
 */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

	private final MigrationsProperties properties;

	PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String getJdbcUrl() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUser();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

}
