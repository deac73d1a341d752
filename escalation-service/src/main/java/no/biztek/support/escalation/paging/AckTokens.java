package no.biztek.support.escalation.paging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens of the one-click acknowledgement links: {@code base64url(pageId \n recipient \n expiresAt)}
 * {@code .} {@code base64url(HMAC-SHA256 of that text)} with the configured key. A token is valid for
 * one page and names who it was sent to (the acknowledger); it carries its expiry; a change to any
 * byte breaks the signature. Whether the page still awaits an acknowledgement (single use) is the
 * page's state, not the token's.
 *
 * <p>Key rotation: new tokens are always signed with the current key; a token signed with the previous key (when
 * one is configured) still verifies until {@code previousValidUntil} (exclusive) by the injected clock, and is
 * refused like a forged one after that.
 */
public final class AckTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecretKeySpec previousKey;
    private final Instant previousValidUntil;
    private final Clock clock;

    /** Tokens of one key, without a previous one. */
    public AckTokens(String signingKey) {
        this(signingKey, null, null, Clock.systemUTC());
    }

    /**
     * @param previousSigningKey the key before the last rotation, or null
     * @param previousValidUntil until when tokens of the previous key verify (required with one)
     */
    public AckTokens(String signingKey, String previousSigningKey, Instant previousValidUntil, Clock clock) {
        this.key = keyOf(signingKey);
        this.previousKey = previousSigningKey == null ? null : keyOf(previousSigningKey);
        if (previousKey != null && previousValidUntil == null) {
            throw new IllegalArgumentException("a previous signing key needs the instant until which it verifies");
        }
        this.previousValidUntil = previousValidUntil;
        this.clock = clock;
    }

    private static SecretKeySpec keyOf(String signingKey) {
        return new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** What a genuine token says. */
    public record Claims(String pageId, String recipient, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    public String issue(String pageId, String recipient, Instant expiresAt) {
        byte[] payload = (pageId + "\n" + recipient + "\n" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload));
    }

    /**
     * The claims of a token signed with the current key, or with the previous key while it is still valid; empty for
     * anything else (forged, altered, garbage, signed with a retired key).
     */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            boolean current = MessageDigest.isEqual(mac(key, payload), signature);
            boolean previous = previousKey != null && MessageDigest.isEqual(mac(previousKey, payload), signature)
                    && clock.instant().isBefore(previousValidUntil);
            if (!current && !previous) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec signingKey, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(signingKey);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
