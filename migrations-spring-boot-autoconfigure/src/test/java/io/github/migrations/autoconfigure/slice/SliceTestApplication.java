package io.github.migrations.autoconfigure.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application that the sliced tests of this package find, as a project's own
 * {@code @SpringBootApplication}; its package holds a Spring Data JDBC repository.
 *
 * @author Migrations contributors
 */
@SpringBootApplication
class SliceTestApplication {

}
