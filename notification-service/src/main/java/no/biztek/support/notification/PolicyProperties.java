package no.biztek.support.notification;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The support terms in force.
 *
 * @param file a policy file (YAML, see support-policy); unset: the built-in published terms
 */
@ConfigurationProperties("support.policy")
public record PolicyProperties(Path file) {
}
