package no.biztek.support.httpapi;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, below everything a service or operator configures: actuator shows
 * only health (with liveness and readiness groups) and prometheus; errors are problem documents (from
 * {@link no.biztek.support.httpapi.problem.ApiExceptionHandler}, so Boot's own handler stays off);
 * unknown JSON fields are refused (see the README's API conventions).
 */
public class HttpApiDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "httpApiDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,prometheus",
            "management.endpoint.health.probes.enabled", "true",
            "management.endpoint.health.show-details", "never",
            "spring.jackson.deserialization.fail-on-unknown-properties", "true",
            "server.error.whitelabel.enabled", "false",
            // an observation around every security filter doubled the CPU cost of a request (docs/benchmarks.md);
            // HTTP server metrics (http.server.requests) stay
            "management.observations.enable.spring.security", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
