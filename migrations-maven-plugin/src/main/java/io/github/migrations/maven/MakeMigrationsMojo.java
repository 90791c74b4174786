package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Create new migrations for the changes in the module's models (Django's {@code makemigrations}). Needs no database.
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py makemigrations}.
 */
@Mojo(name = "makemigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class MakeMigrationsMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "makemigrations";
	}

}
