/**
 * A JPA entity for the Hibernate coexistence tests.
 */
package io.github.migrations.autoconfigure.jpa;
