package io.github.migrations.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample application: two apps, {@code payroll} and {@code blog}, whose tables are declared as
 * {@code @Model} classes and created by migrations generated with {@code makemigrations} and
 * applied at startup.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Start the application.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
