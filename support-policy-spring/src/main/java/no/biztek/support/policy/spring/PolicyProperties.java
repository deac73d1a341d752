package no.biztek.support.policy.spring;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which support terms a service measures against.
 *
 * @param file a policy file (YAML; the format is documented in the built-in
 *             {@code policy/biztek-sla-policy.yaml}, its plans in {@code docs/sla-plans.md}); unset: the built-in
 *             published terms
 */
@ConfigurationProperties("support.policy")
public record PolicyProperties(Path file) {
}
