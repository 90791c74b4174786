package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Apply (or, with a target, unapply) migrations to the configured database (Django's {@code migrate}).
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py migrate}.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class MigrateMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "migrate";
	}

}
