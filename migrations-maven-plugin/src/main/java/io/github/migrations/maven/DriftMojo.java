package io.github.migrations.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Show how the database differs from the schema of the applied migrations; the build fails when
 * it does. Arguments and options go in {@code -Dargs}, for example
 * {@code -Dargs="shop --ignore-table legacy_audit"}.
 */
@Mojo(name = "drift", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DriftMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "drift";
	}

}
