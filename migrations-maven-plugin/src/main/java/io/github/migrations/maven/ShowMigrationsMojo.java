package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * List the module's migrations and whether each is applied (Django's {@code showmigrations}).
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py showmigrations}.
 */
@Mojo(name = "showmigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class ShowMigrationsMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "showmigrations";
	}

}
