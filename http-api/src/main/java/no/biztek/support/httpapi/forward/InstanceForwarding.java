package no.biztek.support.httpapi.forward;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.security.ApiScopes;
import no.biztek.support.httpapi.security.TokenHash;

/**
 * Asks another instance of this service for what only it holds (a ticket's SLA clock, its audit history), with
 * this service's own credential ({@link ForwardingProperties#token()}), never with the caller's token: the other
 * instance's address comes from Kafka Streams metadata, and a caller's token must not travel to whatever host that
 * names. The request carries {@link #FORWARDED_HEADER}, so the instance asked answers itself or says 503, never
 * forwards again.
 *
 * <p>Start-up fails when the credential would be refused by the other instances: its SHA-256 must be one of the
 * configured API tokens (every instance has the same configuration) with the {@code read} scope. An instance that
 * does not answer (killed, until its partitions move) is logged once as a warning and once when it answers again.
 */
public class InstanceForwarding {

    /** Marks a forwarded request; its presence is all that counts. */
    public static final String FORWARDED_HEADER = "X-Support-Forwarded";
    private static final Logger log = LoggerFactory.getLogger(InstanceForwarding.class);

    private final ForwardingProperties properties;
    private final HttpClient http;
    private final Set<String> unanswering = ConcurrentHashMap.newKeySet();

    public InstanceForwarding(ForwardingProperties properties, HttpApiProperties api) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        if (properties.token() != null) {
            String hash = TokenHash.hexOf(properties.token());
            boolean accepted = api.tokens().stream()
                    .anyMatch(token -> token.sha256().equals(hash) && token.scopes().contains(ApiScopes.READ));
            if (!accepted) {
                throw new IllegalStateException("support.api.forwarding.token is not among support.api.tokens with "
                        + "scope read: configure a token for instance-to-instance forwarding (e.g. name "
                        + "instance-forwarding, sha256 " + hash + ", scopes [read]) on every instance");
            }
        }
    }

    /**
     * GETs {@code path} (under {@code /api/}, segments already encoded) from the instance at {@code host:port}.
     *
     * @return its answer, whatever the status
     * @throws InstanceUnavailableException without a forwarding credential, or when it does not answer
     */
    public HttpResponse<byte[]> get(String host, int port, String path) {
        String instance = host + ":" + port;
        if (properties.token() == null) {
            throw new InstanceUnavailableException("What was asked is held by another instance (" + instance
                    + "), and this one has no forwarding credential (support.api.forwarding.token)", null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + instance + path))
                .timeout(properties.timeout()).header(FORWARDED_HEADER, "1")
                .header(HttpHeaders.ACCEPT, "application/json")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token()).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceUnavailableException("Interrupted while asking the instance " + instance, e);
        } catch (IOException e) {
            if (unanswering.add(instance)) {
                log.warn("{} does not answer forwarded queries ({}); logged again when it answers", instance,
                        e.toString());
            } else {
                log.debug("Forwarding {} to {} failed: {}", path, instance, e.toString());
            }
            throw new InstanceUnavailableException("The instance holding it (" + instance + ") did not answer", e);
        }
        if (unanswering.remove(instance)) {
            log.info("{} answers forwarded queries again", instance);
        }
        return response;
    }

    /** A path segment as it goes into {@link #get}'s path. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
