package no.biztek.support.escalation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the support terms come from.
 *
 * @param file policy YAML (see support-policy); unset: the built-in policy
 */
@ConfigurationProperties("support.policy")
public record PolicyProperties(Path file) {
}
