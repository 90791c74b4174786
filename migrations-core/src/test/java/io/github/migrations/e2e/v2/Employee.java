package io.github.migrations.e2e.v2;

import java.math.BigDecimal;

import io.github.migrations.model.CharField;
import io.github.migrations.model.DecimalField;
import io.github.migrations.model.ForeignKey;
import io.github.migrations.model.Model;
import io.github.migrations.model.RenamedFrom;
import io.github.migrations.state.OnDelete;

/**
 * The seed's Employee, second version: a field added and a field renamed.
 */
@Model(app = "payroll")
public class Employee {

	@RenamedFrom("name")
	@CharField(maxLength = 100)
	String fullName;

	@CharField(maxLength = 100)
	String position;

	@DecimalField(maxDigits = 10, decimalPlaces = 2)
	BigDecimal salary;

	@CharField(maxLength = 254, defaultValue = "unknown@example.com")
	String email;

	@ForeignKey(to = Department.class, onDelete = OnDelete.PROTECT, nullable = true)
	Long department;

}
