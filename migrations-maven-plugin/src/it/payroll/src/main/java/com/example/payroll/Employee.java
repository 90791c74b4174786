package com.example.payroll;

import java.math.BigDecimal;

import io.github.migrations.model.CharField;
import io.github.migrations.model.DecimalField;
import io.github.migrations.model.Model;

@Model
public class Employee {

	@CharField(maxLength = 100)
	String name;

	@CharField(maxLength = 100)
	String position;

	@DecimalField(maxDigits = 10, decimalPlaces = 2)
	BigDecimal salary;

}
