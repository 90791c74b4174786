package io.github.migrations.maven;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens a new connection with a JDBC driver found on the project's
 * class path; the driver is not registered with {@code DriverManager}, which cannot see the
 * project's class loader.
 */
final class DriverDataSource implements DataSource {

	private final Driver driver;

	private final String url;

	private final Properties credentials = new Properties();

	private DriverDataSource(Driver driver, String url, String user, String password) {
		this.driver = driver;
		this.url = url;
		if (user != null) {
			this.credentials.setProperty("user", user);
		}
		if (password != null) {
			this.credentials.setProperty("password", password);
		}
	}

	/**
	 * Create a data source with the first driver of the class loader that accepts the URL.
	 * @param classLoader the project's class loader
	 * @param url the JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the data source
	 * @throws IllegalStateException if no driver accepts the URL
	 */
	static DriverDataSource create(ClassLoader classLoader, String url, String user, String password) {
		for (Driver driver : ServiceLoader.load(Driver.class, classLoader)) {
			try {
				if (driver.acceptsURL(url)) {
					return new DriverDataSource(driver, url, user, password);
				}
			}
			catch (SQLException ex) {
				// this driver cannot tell; try the next one
			}
		}
		throw new IllegalStateException("No JDBC driver on the project's runtime class path accepts " + url
				+ "; add the driver as a dependency (scope runtime or compile)");
	}

	/**
	 * Return the URL connections are opened with.
	 * @return the URL
	 */
	String url() {
		return this.url;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.driver.connect(this.url, this.credentials);
		if (connection == null) {
			throw new SQLException("Driver " + this.driver.getClass().getName() + " does not accept " + this.url);
		}
		return connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new DriverDataSource(this.driver, this.url, username, password).getConnection();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("No parent logger");
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}
