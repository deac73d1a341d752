package no.biztek.support.intake.zendesk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Zendesk's webhook signature: base64(HMAC-SHA256(signing secret, timestamp + raw body)), sent in
 * {@code X-Zendesk-Webhook-Signature} with the timestamp in {@code X-Zendesk-Webhook-Signature-Timestamp}.
 * A signature older (or further in the future) than the allowed age is refused, so a captured request
 * cannot be replayed later.
 */
final class ZendeskSignature {

    static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

    private final byte[] secret;
    private final Duration maxAge;
    private final Clock clock;

    ZendeskSignature(String secret, Duration maxAge, Clock clock) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * A verified delivery.
     *
     * @param signedAt  its signature timestamp
     * @param signature its signature, canonical base64 (one delivery, one signature: what replays are told by)
     */
    record Verified(Instant signedAt, String signature) {
    }

    /** The signing instant and signature of a verified request. */
    Verified verify(String signature, String timestamp, byte[] body) {
        if (secret == null) {
            throw unauthorized("The Zendesk webhook has no signing secret configured.");
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw unauthorized("The request carries no Zendesk webhook signature.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp.trim());
        } catch (DateTimeParseException e) {
            throw unauthorized("The signature timestamp is not an ISO-8601 instant.");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw unauthorized("The signature is not base64.");
        }
        if (!MessageDigest.isEqual(presented, sign(timestamp.trim(), body))) {
            throw unauthorized("The Zendesk webhook signature does not match.");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(maxAge) > 0) {
            throw unauthorized("The Zendesk webhook signature is stale (signed at " + signedAt + ").");
        }
        return new Verified(signedAt, Base64.getEncoder().encodeToString(presented));
    }

    Duration maxAge() {
        return maxAge;
    }

    byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ErrorResponseException unauthorized(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Invalid webhook signature");
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
}
