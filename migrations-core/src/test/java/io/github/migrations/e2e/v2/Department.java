package io.github.migrations.e2e.v2;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * A model added in the second version, with its own table name.
 */
@Model(app = "payroll", table = "departments")
public class Department {

	@CharField(maxLength = 50, unique = true)
	String name;

}
