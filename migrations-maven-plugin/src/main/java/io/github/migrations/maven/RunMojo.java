package io.github.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Run any command line, as {@code manage.py} would: {@code -Dargs="migrate blog zero"}. The
 * first word is the command.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RunMojo extends AbstractMigrationsMojo {

	@Override
	protected String goal() {
		return "run";
	}

	@Override
	protected List<String> commandLine(List<String> arguments) throws MojoFailureException {
		if (arguments.isEmpty()) {
			throw new MojoFailureException("migrations:run needs a command line in -Dargs, for example "
					+ "-Dargs=\"showmigrations --plan\"");
		}
		return arguments;
	}

}
