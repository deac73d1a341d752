package no.biztek.support.sla.policy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which support terms the service measures against.
 *
 * @param file a policy file (format: see the built-in {@code policy/biztek-sla-policy.yaml}); unset: the
 *             built-in policy
 */
@Validated
@ConfigurationProperties("support.policy")
public record PolicyProperties(Path file) {
}
