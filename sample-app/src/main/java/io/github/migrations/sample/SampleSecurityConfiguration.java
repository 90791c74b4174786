package io.github.migrations.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use what: the health endpoint is open (its details only for the ops role); reading
 * {@code /actuator/migrations} needs a signed-in user; applying or reverting migrations through it
 * (and every other actuator endpoint) needs the {@code OPS} role. The demo has one such user,
 * {@code ops}, whose name and password come from {@code OPS_USER} and {@code OPS_PASSWORD} (see
 * {@code application.yml}). The sample's own {@code /api} stays open.
 * <p>
 * Clients authenticate with HTTP Basic on every request and no session is kept, so there is no
 * session cookie for a cross-site request to ride on; CSRF protection is therefore disabled.
 * The command mode starts no web server and needs none of this.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SampleSecurityConfiguration {

	/** The role allowed to apply and revert migrations. */
	static final String OPS = "OPS";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.to("migrations").withHttpMethod(HttpMethod.GET))
			.authenticated()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole(OPS)
			.anyRequest()
			.permitAll())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
