package io.github.migrations.sample.payroll;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API over the {@code payroll_employee} table, with plain SQL through {@link JdbcClient}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@RestController
@RequestMapping("/api/employees")
public class EmployeeController {

	private final JdbcClient jdbcClient;

	EmployeeController(JdbcClient jdbcClient) {
		this.jdbcClient = jdbcClient;
	}

	/**
	 * List every employee.
	 * @return the employees, by id
	 */
	@GetMapping
	public List<EmployeeRow> list() {
		return this.jdbcClient.sql("select id, name, position, salary from payroll_employee order by id")
			.query(EmployeeRow.class)
			.list();
	}

	/**
	 * Add an employee.
	 * @param employee the employee (its id is ignored)
	 * @return the employees, by id
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public List<EmployeeRow> add(@RequestBody EmployeeRow employee) {
		this.jdbcClient.sql("insert into payroll_employee (name, position, salary) values (?, ?, ?)")
			.params(employee.name(), employee.position(), employee.salary())
			.update();
		return list();
	}

	/**
	 * A row of {@code payroll_employee}.
	 *
	 * @param id the id, generated
	 * @param name the name
	 * @param position the position
	 * @param salary the salary
	 */
	public record EmployeeRow(@Nullable Long id, String name, String position, BigDecimal salary) {

	}

}
