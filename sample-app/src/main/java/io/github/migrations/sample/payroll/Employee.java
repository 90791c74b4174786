package io.github.migrations.sample.payroll;

import java.math.BigDecimal;

import io.github.migrations.model.CharField;
import io.github.migrations.model.DecimalField;
import io.github.migrations.model.Model;

/**
 * An employee, as in the tutorial's {@code models.py}; table {@code payroll_employee}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@Model
public class Employee {

	@CharField(maxLength = 100)
	String name;

	@CharField(maxLength = 100)
	String position;

	@DecimalField(maxDigits = 10, decimalPlaces = 2)
	BigDecimal salary;

}
