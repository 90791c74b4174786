package io.github.migrations.lint;

import java.util.List;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.Operation;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import org.junit.jupiter.api.Test;

import static io.github.migrations.lint.LintFixtures.chars;
import static io.github.migrations.lint.LintFixtures.foreignKey;
import static io.github.migrations.lint.LintFixtures.lint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL shares MariaDB's lock rules (both are InnoDB's online DDL), with findings that name MySQL.
 */
class MySqlLockRulesTests {

	@Test
	void mysqlFindsWhatMariaDbFindsAndNamesMySql() {
		AddField foreignKey = new AddField("product", "maker", foreignKey("shop.category").withNullable(true), true);
		AlterField bigger = new AlterField("product", "price", FieldState.of(new FieldType.BigIntegerField()), true);
		AlterField longer = new AlterField("product", "name", chars(64), true);
		for (Operation operation : List.<Operation>of(foreignKey, bigger, longer)) {
			List<Finding> mysql = lint(Vendor.MYSQL, operation);
			List<Finding> mariadb = lint(Vendor.MARIADB, operation);
			assertThat(mysql).extracting(Finding::code).isNotEmpty().isEqualTo(mariadb.stream().map(Finding::code).toList());
			assertThat(mysql).allSatisfy((finding) -> assertThat(finding.message()).contains("MySQL")
				.doesNotContain("MariaDB"));
		}
	}

	@Test
	void mysqlAddsANullableColumnWithoutAFinding() {
		assertThat(lint(Vendor.MYSQL, new AddField("product", "sku", chars(20).withNullable(true), true))).isEmpty();
	}

}
