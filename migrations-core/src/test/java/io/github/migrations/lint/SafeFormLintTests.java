package io.github.migrations.lint;

import java.util.List;

import io.github.migrations.operation.AddConstraintNotValid;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.OnDelete;
import org.junit.jupiter.api.Test;

import static io.github.migrations.lint.LintFixtures.foreignKey;
import static io.github.migrations.lint.LintFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safe forms ({@code makemigrations --safe}) are linted for what they run: on PostgreSQL
 * without the lock they avoid, on the other databases as their plain operation.
 */
class SafeFormLintTests {

	private static final AddFieldNotValid MAKER = new AddFieldNotValid("product", "maker",
			foreignKey("shop.category").withNullable(true), true);

	@Test
	void aForeignKeyAddedNotValidHasNoForeignKeyOrIndexFindingOnPostgreSql() {
		assertThat(lint(Vendor.POSTGRESQL, MAKER, new ValidateConstraint("product", "fk"))).isEmpty();
	}

	@Test
	void aForeignKeyAddedNotValidIsStillARequiredColumnWhenNotNullWithoutDatabaseDefault() {
		AddFieldNotValid required = new AddFieldNotValid("product", "maker", foreignKey("shop.category"), true);
		assertThat(lint(Vendor.POSTGRESQL, required)).extracting(Finding::code).containsExactly("adding-required-field");
	}

	@Test
	void aOneToOneAddedNotValidStillBuildsItsUniqueIndexUnderALockOnPostgreSql() {
		AddFieldNotValid oneToOne = new AddFieldNotValid("product", "label",
				FieldState.of(new FieldType.OneToOneField("shop.category", OnDelete.CASCADE)).withNullable(true), true);
		assertThat(lint(Vendor.POSTGRESQL, oneToOne)).extracting(Finding::code).containsExactly("adding-unique-constraint");
	}

	@Test
	void theOtherDatabasesRunThePlainFormAndAreLintedForIt() {
		assertThat(lint(Vendor.MARIADB, MAKER)).extracting(Finding::code).containsExactly("adding-foreign-key-constraint");
		assertThat(lint(Vendor.MYSQL, MAKER)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("MySQL").doesNotContain("MariaDB"));
		AddConstraintNotValid check = new AddConstraintNotValid("product",
				new ConstraintState.Check("product_price_gte_0", "price >= 0"));
		assertThat(lint(Vendor.POSTGRESQL, check)).isEmpty();
		assertThat(lint(Vendor.MARIADB, check)).extracting(Finding::code).containsExactly("adding-check-constraint");
		AddIndexConcurrently index = new AddIndexConcurrently("product",
				new IndexState("product_name_idx", List.of("name"), null));
		assertThat(lint(Vendor.POSTGRESQL, index)).isEmpty();
		assertThat(lint(Vendor.H2, MAKER, check, index)).isEmpty();
	}

}
