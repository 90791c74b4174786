package io.github.migrations.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SampleSecurityConfiguration} with a second, read-only user: any signed-in user
 * reads {@code /actuator/migrations}, only the {@code OPS} role migrates through it.
 *
 * @author Migrations contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample-security-tests;DB_CLOSE_DELAY=-1")
class SampleSecurityTests {

	@LocalServerPort
	private int port;

	@Test
	void aSignedInUserWithoutTheOpsRoleReadsButCannotMigrate() {
		assertThat(status(client("viewer", "viewer-password").get().uri("/actuator/migrations/blog/0002"))).isEqualTo(200);
		assertThat(status(post(client("viewer", "viewer-password")))).isEqualTo(403);
		assertThat(status(post(RestClient.create("http://localhost:" + this.port)))).isEqualTo(401);
	}

	@Test
	void theOpsUserReachesTheEndpointsWriteOperation() {
		// the endpoint itself answers: the token is not that of the current plan
		assertThat(status(post(client("ops", "ops-password")))).isEqualTo(409);
	}

	private RestClient.RequestHeadersSpec<?> post(RestClient client) {
		return client.post()
			.uri("/actuator/migrations/blog/0002")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", "not-the-current-token"));
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

	private RestClient client(String user, String password) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth(user, password))
			.build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Users {

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}ops-password").roles(SampleSecurityConfiguration.OPS).build(),
					User.withUsername("viewer").password("{noop}viewer-password").roles().build());
		}

	}

}
