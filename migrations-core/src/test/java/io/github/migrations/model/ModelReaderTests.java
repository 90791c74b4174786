package io.github.migrations.model;

import java.util.List;

import io.github.migrations.InvalidModelException;
import io.github.migrations.model.fixtures.Fixtures;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelReaderTests {

	@Test
	void readsFieldsInDeclarationOrderWithImplicitIdFirst() {
		ModelState product = read(Fixtures.Product.class, Fixtures.Category.class).model("shop", "product");
		assertThat(product.fields().keySet()).containsExactly("id", "sku", "description", "unit_price", "active",
				"launched_on", "created_at", "category");
		assertThat(product.field("id")).isEqualTo(FieldState.of(new FieldType.BigAutoField()));
		assertThat(product.field("id").primaryKey()).isTrue();
		assertThat(product.table()).isEqualTo("shop_product");
	}

	@Test
	void mapsAnnotationsToDjangoFieldStates() {
		ModelState product = read(Fixtures.Product.class, Fixtures.Category.class).model("shop", "product");
		assertThat(product.field("sku")).isEqualTo(FieldState.of(new FieldType.CharField(80)).withUnique(true));
		assertThat(product.field("description").nullable()).isTrue();
		assertThat(product.field("unit_price").defaultValue()).isEqualTo("0.00");
		assertThat(product.field("active").defaultValue()).isEqualTo("true");
		assertThat(product.field("created_at").column("created_at")).isEqualTo("created");
		assertThat(product.field("category").type()).isEqualTo(new FieldType.ForeignKey("shop.category", OnDelete.CASCADE));
		assertThat(product.field("category").column("category")).isEqualTo("category_id");
	}

	@Test
	void relationsAreIndexedUnlessTheySayDbIndexFalseAsDjangosForeignKey() {
		ModelState review = read(Fixtures.Review.class, Fixtures.Product.class, Fixtures.Category.class).model("shop",
				"review");
		assertThat(review.field("product"))
			.isEqualTo(FieldState.of(new FieldType.ForeignKey("shop.product", OnDelete.CASCADE)));
		assertThat(review.field("product").dbIndex()).isTrue();
		assertThat(review.field("section").dbIndex()).isFalse();
		assertThat(review.field("featured").dbIndex()).isFalse();
		assertThat(read(Fixtures.Product.class, Fixtures.Category.class).model("shop", "product").field("category")
			.dbIndex()).isTrue();
	}

	@Test
	void dbConstraintFalseIsReadIntoTheRelationsTypeAndIsTrueByDefault() {
		ModelState review = read(Fixtures.DatabaseRules.class, Fixtures.Product.class, Fixtures.Category.class)
			.model("shop", "databaserules");
		assertThat(review.field("loose_product"))
			.isEqualTo(FieldState.of(new FieldType.ForeignKey("shop.product", OnDelete.DO_NOTHING, false)));
		assertThat(review.field("loose_featured").type())
			.isEqualTo(new FieldType.OneToOneField("shop.category", OnDelete.CASCADE, false));
		assertThat(review.field("sections").type())
			.isEqualTo(new FieldType.ManyToManyField("shop.category", null, false));
		assertThat(read(Fixtures.Product.class, Fixtures.Category.class).model("shop", "product").field("category")
			.type()
			.dbConstraint()).isTrue();
	}

	@Test
	void databaseLevelOnDeleteIsReadWithItsRule() {
		ModelState rules = read(Fixtures.DatabaseRules.class, Fixtures.Product.class, Fixtures.Category.class)
			.model("shop", "databaserules");
		assertThat(rules.field("product").type()).isEqualTo(new FieldType.ForeignKey("shop.product", OnDelete.DB_CASCADE));
		assertThat(rules.field("product").type().databaseOnDelete()).isEqualTo("CASCADE");
		assertThat(rules.field("section").type().databaseOnDelete()).isEqualTo("SET NULL");
		assertThat(rules.field("featured").type().databaseOnDelete()).isEqualTo("SET DEFAULT");
		assertThat(rules.field("featured").dbDefault()).isEqualTo("1");
	}

	@Test
	void dbSetNullOnAColumnThatIsNotNullableIsRejectedWithTheFix() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> read(Fixtures.SetNullNotNullable.class, Fixtures.Category.class))
			.withMessageContaining("SetNullNotNullable.section: @ForeignKey(onDelete = DB_SET_NULL)")
			.withMessageContaining("Add nullable = true");
	}

	@Test
	void dbSetDefaultWithoutADatabaseDefaultIsRejectedWithTheFix() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> read(Fixtures.SetDefaultWithoutDbDefault.class, Fixtures.Category.class))
			.withMessageContaining("SetDefaultWithoutDbDefault.section: @ForeignKey(onDelete = DB_SET_DEFAULT)")
			.withMessageContaining("Add dbDefault");
	}

	@Test
	void databaseLevelOnDeleteWithoutTheConstraintIsRejectedWithTheFix() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> read(Fixtures.DatabaseRuleWithoutConstraint.class, Fixtures.Category.class))
			.withMessageContaining("DatabaseRuleWithoutConstraint.section: @ForeignKey(onDelete = DB_CASCADE)")
			.withMessageContaining("Remove dbConstraint = false, or use the application's CASCADE");
	}

	@Test
	void explicitTableNameWins() {
		assertThat(read(Fixtures.Category.class).model("shop", "category").table()).isEqualTo("shop_categories");
	}

	@Test
	void appLabelDefaultsToLastPackageSegment() {
		assertThat(ModelReader.keyOf(io.github.migrations.e2e.v1.Employee.class).app()).isEqualTo("payroll");
		assertThat(ModelReader.keyOf(io.github.migrations.model.fixtures.packaged.Invoice.class).app()).isEqualTo("packaged");
	}

	@Test
	void javaTypeThatDoesNotFitTheFieldIsRejectedWithClassAndField() {
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(Fixtures.WrongJavaType.class))
			.withMessageContaining("WrongJavaType.code")
			.withMessageContaining("@CharField cannot hold a int");
	}

	@Test
	void negativeMaxLengthIsRejected() {
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(Fixtures.NegativeLength.class))
			.withMessageContaining("NegativeLength.code: @CharField maxLength must be positive");
	}

	@Test
	void defaultThatDoesNotFitTheTypeIsRejected() {
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(Fixtures.BadDefault.class))
			.withMessageContaining("BadDefault.quantity: default 'many' is not a valid IntegerField value");
	}

	@Test
	void twoFieldsOnOneColumnAreRejected() {
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(Fixtures.SameColumn.class))
			.withMessageContaining("SameColumn.second uses column 'CODE' which SameColumn.first already uses");
	}

	@Test
	void foreignKeyToAClassThatIsNotAModelIsRejected() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> read(Fixtures.ForeignKeyToNonModel.class))
			.withMessageContaining("ForeignKeyToNonModel.target")
			.withMessageContaining("not a model");
	}

	@Test
	void snakeCaseFollowsDjangoConventions() {
		assertThat(ModelReader.snakeCase("firstName")).isEqualTo("first_name");
		assertThat(ModelReader.snakeCase("name")).isEqualTo("name");
		assertThat(ModelReader.snakeCase("httpURLValue")).isEqualTo("http_url_value");
		assertThat(ModelReader.snakeCase("already_snake")).isEqualTo("already_snake");
	}

	@Test
	void scannerFindsModelsInAPackageWithoutOtherClasses() {
		List<Class<?>> found = ModelScanner.scan(getClass().getClassLoader(), List.of("io.github.migrations.e2e"));
		assertThat(found).extracting(Class::getName).isSorted();
		assertThat(found).allMatch((type) -> type.isAnnotationPresent(Model.class));
		assertThat(found).contains(io.github.migrations.e2e.shop.v1.Product.class,
				io.github.migrations.e2e.shop.v1.Shelf.class, io.github.migrations.e2e.shop.v1.Tag.class,
				io.github.migrations.e2e.shop.v2.Label.class, io.github.migrations.e2e.shop.v2.Product.class,
				io.github.migrations.e2e.shop.v2.Shelf.class, io.github.migrations.e2e.v1.Employee.class,
				io.github.migrations.e2e.v2.Department.class, io.github.migrations.e2e.v2.Employee.class);
	}

	private static io.github.migrations.state.ProjectState read(Class<?>... classes) {
		return ModelReader.read(List.of(classes)).state();
	}

}
