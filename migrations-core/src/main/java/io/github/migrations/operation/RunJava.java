package io.github.migrations.operation;

import java.lang.reflect.InvocationTargetException;

import io.github.migrations.MigrationException;
import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Run Java code (Django's {@code RunPython}): classes implementing {@link MigrationCode}, named in
 * the migration file, loaded with the thread's context class loader. Reversible only when a
 * backwards class is given.
 *
 * @param code the class run forwards
 * @param reverseCode the class run backwards, or {@code null} when irreversible
 * @since 0.1
 */
public record RunJava(String code, @Nullable String reverseCode) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state;
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		run(this.code, editor, from);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		run(Operations.requireReverse(this.reverseCode), editor, to);
	}

	private static void run(String className, SchemaEditor editor, ProjectState state) {
		if (editor.isCollectOnly()) {
			return;
		}
		MigrationCode code = instantiate(className);
		try {
			code.run(editor.connection(), state);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MigrationException("RunJava " + className + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Load and create a code class, failing with a message that names it.
	 * @param className the class name
	 * @return the instance
	 */
	public static MigrationCode instantiate(String className) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		try {
			Class<?> type = Class.forName(className, true, (loader != null) ? loader : RunJava.class.getClassLoader());
			if (!MigrationCode.class.isAssignableFrom(type)) {
				throw new MigrationException("RunJava class " + className + " does not implement "
						+ MigrationCode.class.getName() + ". Implement it, or point the migration to a class that does.");
			}
			return (MigrationCode) type.getDeclaredConstructor().newInstance();
		}
		catch (ClassNotFoundException ex) {
			throw new MigrationException("RunJava class " + className
					+ " was not found on the classpath. Restore the class or change the migration file.", ex);
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException
				| InvocationTargetException ex) {
			throw new MigrationException("RunJava class " + className
					+ " cannot be created; it needs a public no-argument constructor.", ex);
		}
	}

	@Override
	public boolean reversible() {
		return this.reverseCode != null;
	}

	@Override
	public String describe() {
		return "Raw Java operation";
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.PYTHON;
	}

}
