package io.github.migrations.schema;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;

/**
 * Models shared by the schema editor tests.
 */
final class SchemaTestModels {

	private SchemaTestModels() {
	}

	static FieldState field(FieldType type) {
		return FieldState.of(type);
	}

	static FieldState nullable(FieldType type) {
		return FieldState.of(type).withNullable(true);
	}

	static ModelState model(String app, String name, Object... namesAndFields) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		for (int i = 0; i < namesAndFields.length; i += 2) {
			fields.put((String) namesAndFields[i], (FieldState) namesAndFields[i + 1]);
		}
		return new ModelState(app, name, fields, null);
	}

	static ModelState author() {
		return model("shop", "Author", "name", field(new FieldType.CharField(100)));
	}

	static ModelState book() {
		return model("shop", "Book", "title", field(new FieldType.CharField(200)), "author",
				field(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE)));
	}

	/**
	 * Return the operations that create an author and a book whose {@code author} has no
	 * constraint ({@code db_constraint=False}) and whose {@code editor} has the given rule.
	 * @param editorOnDelete the rule of {@code editor}
	 * @return the two {@code CreateModel}s
	 */
	static Operation[] looseAuthorAndEditor(OnDelete editorOnDelete) {
		ModelState author = model("shop", "Author", "name", field(new FieldType.CharField(50)));
		ModelState book = model("shop", "Book", "author",
				field(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE, false)), "editor",
				field(new FieldType.ForeignKey("shop.author", editorOnDelete)));
		return new Operation[] { CreateModel.of(author), CreateModel.of(book) };
	}

	static ProjectState authorsAndBooks() {
		return ProjectState.of(java.util.List.of(author(), book()));
	}

	static ModelState everyType() {
		return model("shop", "Product", "name", field(new FieldType.CharField(100)), "description",
				nullable(new FieldType.TextField()), "quantity", field(new FieldType.IntegerField()), "views",
				field(new FieldType.BigIntegerField()), "active", field(new FieldType.BooleanField()), "price",
				field(new FieldType.DecimalField(10, 2)), "released", field(new FieldType.DateField()), "created",
				field(new FieldType.DateTimeField()));
	}

}
