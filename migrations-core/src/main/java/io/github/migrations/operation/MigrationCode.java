package io.github.migrations.operation;

import java.sql.Connection;

import io.github.migrations.state.ProjectState;

/**
 * Code run by a {@link RunJava} operation, Django's {@code RunPython} function: data migrations
 * and anything SQL cannot express. Implementations need a public no-argument constructor. The
 * state is the historical one at this point of the migration history (models as they were then),
 * not today's model classes.
 * <pre>
 * public class FillSlugs implements MigrationCode {
 *     public void run(Connection connection, ProjectState state) throws SQLException {
 *         try (Statement s = connection.createStatement()) {
 *             s.executeUpdate("update blog_post set slug = lower(title)");
 *         }
 *     }
 * }
 * </pre>
 * Implementations must not commit, roll back or close the connection.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MigrationCode {

	/**
	 * Run the code.
	 * @param connection the connection the migration runs on
	 * @param state the project state at this point of the history
	 * @throws Exception on any failure; the migration fails and (where possible) rolls back
	 */
	void run(Connection connection, ProjectState state) throws Exception;

}
