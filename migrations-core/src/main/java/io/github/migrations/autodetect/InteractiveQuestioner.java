package io.github.migrations.autodetect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

import io.github.migrations.InvalidModelException;
import io.github.migrations.NonNullFieldWithoutDefaultException;
import io.github.migrations.model.Defaults;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * The questioner used when a terminal is attached: asks Django's questions with Django's
 * wording. One-off defaults are typed as they would be written in a field annotation's
 * {@code defaultValue} and checked against the field's type before they are accepted.
 *
 * @since 0.1
 */
public final class InteractiveQuestioner implements Questioner {

	private final BufferedReader in;

	private final PrintWriter out;

	private final boolean dryRun;

	/**
	 * Create a questioner reading answers from {@code in} and writing questions to {@code out}.
	 * @param in the answers
	 * @param out where questions are written
	 */
	public InteractiveQuestioner(BufferedReader in, PrintWriter out) {
		this(in, out, false);
	}

	/**
	 * Create a questioner that, for a run that writes nothing ({@code --dry-run},
	 * {@code --check}), asks about renames but not for one-off defaults, as Django.
	 * @param in the answers
	 * @param out where questions are written
	 * @param dryRun whether nothing will be written
	 */
	public InteractiveQuestioner(BufferedReader in, PrintWriter out, boolean dryRun) {
		this.in = in;
		this.out = out;
		this.dryRun = dryRun;
	}

	@Override
	public String askNotNullAddition(String app, String modelName, String fieldName, FieldState field) {
		if (this.dryRun) {
			return "";
		}
		this.out.println("It is impossible to add a non-nullable field '" + fieldName + "' to " + modelName
				+ " without specifying a default. This is because the database needs something to populate existing rows.");
		int choice = choose(" 1) Provide a one-off default now (will be set on all existing rows with a null value for this column)",
				" 2) Quit and manually define a default value in the model (defaultValue, dbDefault or nullable = true on the field annotation).");
		if (choice == 2) {
			throw quit(modelName, fieldName);
		}
		return askDefault(modelName, fieldName, field);
	}

	@Override
	public @Nullable String askNotNullAlteration(String app, String modelName, String fieldName, FieldState field) {
		if (this.dryRun) {
			return null;
		}
		this.out.println("It is impossible to change a nullable field '" + fieldName + "' on " + modelName
				+ " to non-nullable without providing a default. This is because the database needs something to populate existing rows.");
		int choice = choose(" 1) Provide a one-off default now (will be set on all existing rows with a null value for this column)",
				" 2) Ignore for now. Existing rows that contain NULL values will have to be handled manually, for example with a RunSql or RunJava operation.",
				" 3) Quit and manually define a default value in the model.");
		if (choice == 2) {
			return null;
		}
		if (choice == 3) {
			throw quit(modelName, fieldName);
		}
		return askDefault(modelName, fieldName, field);
	}

	@Override
	public boolean askRename(ModelKey model, String oldName, String newName, FieldState field) {
		return askYesNo("Was " + model.name() + "." + oldName + " renamed to " + model.name() + "." + newName + " (a "
				+ field.type().typeName() + ")? [y/N] ");
	}

	@Override
	public boolean askRenameModel(ModelState old, ModelState current) {
		return askYesNo("Was the model " + old.app() + "." + old.name() + " renamed to " + current.name() + "? [y/N] ");
	}

	private String askDefault(String modelName, String fieldName, FieldState field) {
		this.out.println("Please enter the default value as you would write it in the field's defaultValue (for example 0, Unknown, 2026-01-31 or true).");
		this.out.println("Type 'exit' to exit this prompt");
		while (true) {
			String line = prompt(">>> ");
			if (line == null || line.trim().equals("exit")) {
				throw quit(modelName, fieldName);
			}
			if (line.isBlank()) {
				this.out.println("Please enter some value, or 'exit' (without quotes) to exit.");
				continue;
			}
			try {
				return Defaults.canonicalDefault(modelName + "." + fieldName, field.type(), line, field.choices());
			}
			catch (InvalidModelException ex) {
				this.out.println(ex.getMessage());
			}
		}
	}

	private int choose(String... options) {
		this.out.println("Please select a fix:");
		for (String option : options) {
			this.out.println(option);
		}
		while (true) {
			String line = prompt("Select an option: ");
			if (line == null) {
				return options.length;
			}
			try {
				int choice = Integer.parseInt(line.trim());
				if (choice >= 1 && choice <= options.length) {
					return choice;
				}
			}
			catch (NumberFormatException ex) {
				// asked again below
			}
			this.out.println("Please select a valid option: ");
		}
	}

	private boolean askYesNo(String question) {
		while (true) {
			String line = prompt(question);
			if (line == null || line.isBlank()) {
				return false;
			}
			String answer = line.trim().toLowerCase(Locale.ROOT);
			if (answer.startsWith("y") || answer.startsWith("n")) {
				return answer.startsWith("y");
			}
			this.out.println("Please answer yes or no: ");
		}
	}

	private @Nullable String prompt(String text) {
		this.out.print(text);
		this.out.flush();
		try {
			return this.in.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static NonNullFieldWithoutDefaultException quit(String modelName, String fieldName) {
		return new NonNullFieldWithoutDefaultException("Field '" + fieldName + "' on model '" + modelName
				+ "' not migrated: give it a defaultValue, a dbDefault or nullable = true in the model, then run makemigrations again.");
	}

}
