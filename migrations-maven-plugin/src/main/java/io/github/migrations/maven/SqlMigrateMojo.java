package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Print the SQL of one migration for the configured database (Django's {@code sqlmigrate}).
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py sqlmigrate}.
 */
@Mojo(name = "sqlmigrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class SqlMigrateMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "sqlmigrate";
	}

}
