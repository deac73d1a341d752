package no.biztek.support.sla.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.security.ApiScopes;
import no.biztek.support.sla.config.SlaStreamsProperties;

/**
 * Fails start-up when the forwarding credential would be refused by the other instances: its SHA-256 must be
 * one of the configured API tokens (every instance has the same configuration) with the {@code read} scope.
 * Without a credential the instance starts, and answers 503 for a ticket another instance owns.
 */
@Component
class ForwardingCredentialCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ForwardingCredentialCheck.class);

    private final SlaStreamsProperties sla;
    private final HttpApiProperties api;

    ForwardingCredentialCheck(SlaStreamsProperties sla, HttpApiProperties api) {
        this.sla = sla;
        this.api = api;
    }

    @Override
    public void afterPropertiesSet() {
        if (sla.forwardingToken() == null) {
            log.warn("No support.sla.forwarding-token: with more than one instance, a status query reaching an "
                    + "instance that does not own the ticket is answered 503");
            return;
        }
        String hash = sha256(sla.forwardingToken());
        boolean accepted = api.tokens().stream()
                .anyMatch(token -> token.sha256().equals(hash) && token.scopes().contains(ApiScopes.READ));
        if (!accepted) {
            throw new IllegalStateException("support.sla.forwarding-token is not among support.api.tokens with "
                    + "scope read: configure a token for instance-to-instance forwarding (e.g. name sla-forwarding, "
                    + "sha256 " + hash + ", scopes [read]) on every instance");
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
