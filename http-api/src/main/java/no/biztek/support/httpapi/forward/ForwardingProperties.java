package no.biztek.support.httpapi.forward;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How an instance asks another instance of its service for what only that one holds ({@code support.api.forwarding}).
 *
 * @param token   the Bearer token it asks with (a secret; its SHA-256 must be among {@code support.api.tokens} with
 *                scope {@code read}); unset: it does not forward, and such a query is answered 503
 * @param timeout time limit of a forwarded query, connecting included
 */
@ConfigurationProperties("support.api.forwarding")
public record ForwardingProperties(String token, Duration timeout) {

    @ConstructorBinding
    public ForwardingProperties {
        token = token == null || token.isBlank() ? null : token;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /** Names the timeout, never the token. */
    @Override
    public String toString() {
        return "ForwardingProperties[token=" + (token == null ? "none" : "***") + ", timeout=" + timeout + "]";
    }
}
