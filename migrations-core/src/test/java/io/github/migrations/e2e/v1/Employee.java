package io.github.migrations.e2e.v1;

import java.math.BigDecimal;

import io.github.migrations.model.CharField;
import io.github.migrations.model.DecimalField;
import io.github.migrations.model.Model;

/**
 * The seed's Employee, first version.
 */
@Model(app = "payroll")
public class Employee {

	@CharField(maxLength = 100)
	String name;

	@CharField(maxLength = 100)
	String position;

	@DecimalField(maxDigits = 10, decimalPlaces = 2)
	BigDecimal salary;

}
