package io.github.migrations.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Create new migrations for the changes in the module's models (Django's {@code makemigrations}). Needs no database.
 * Arguments and options go in {@code -Dargs}, as after {@code manage.py makemigrations}.
 */
@Mojo(name = "makemigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class MakeMigrationsMojo extends AbstractMigrationsMojo {

	/**
	 * Write the safe forms for existing tables, as {@code --safe}: indexes created and dropped
	 * concurrently in an {@code atomic: false} migration, check constraints added not valid and
	 * validated in a following migration.
	 */
	@Parameter(property = "migrations.safe", defaultValue = "false")
	protected boolean safe;

	@Override
	protected String goal() {
		return "makemigrations";
	}

	@Override
	protected List<String> commandLine(List<String> arguments) throws MojoFailureException {
		List<String> commandLine = new ArrayList<>(super.commandLine(arguments));
		if (this.safe && !arguments.contains("--safe")) {
			commandLine.add("--safe");
		}
		return commandLine;
	}

}
