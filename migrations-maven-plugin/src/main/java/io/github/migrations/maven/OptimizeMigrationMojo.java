package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Optimize the operations of one migration in place (Django's {@code optimizemigration}). Needs no database.
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py optimizemigration}.
 */
@Mojo(name = "optimizemigration", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class OptimizeMigrationMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "optimizemigration";
	}

}
