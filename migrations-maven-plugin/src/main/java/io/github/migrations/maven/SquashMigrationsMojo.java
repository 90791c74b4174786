package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Squash a range of an app's migrations into one (Django's {@code squashmigrations}). Needs no database.
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py squashmigrations}.
 */
@Mojo(name = "squashmigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class SquashMigrationsMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "squashmigrations";
	}

}
