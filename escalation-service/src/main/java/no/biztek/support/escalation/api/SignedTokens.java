package no.biztek.support.escalation.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that carry their own claims and cannot be forged without the key, for links that must work without a
 * Bearer token (the one-click acknowledgement, the calendar feed): {@code base64url(field \n field ...)} {@code .}
 * {@code base64url(HMAC-SHA256)}. The MAC covers the token's {@code purpose} too, so a token issued for one purpose
 * never verifies for another (the acknowledgement links' purpose is empty: their tokens stay as they were).
 *
 * <p>Key rotation: new tokens are always signed with the current key; a token signed with the previous key (when one
 * is configured) still verifies until {@code previousValidUntil} (exclusive) by the injected clock, and is refused
 * like a forged one after that.
 */
public final class SignedTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 1024;

    private final byte[] purpose;
    private final SecretKeySpec key;
    private final SecretKeySpec previousKey;
    private final Instant previousValidUntil;
    private final Clock clock;

    /**
     * @param purpose            what the tokens are for, part of the signature ("" for the acknowledgement links)
     * @param previousSigningKey the key before the last rotation, or null
     * @param previousValidUntil until when tokens of the previous key verify (required with one)
     */
    public SignedTokens(String purpose, String signingKey, String previousSigningKey, Instant previousValidUntil,
                        Clock clock) {
        this.purpose = purposeBytes(purpose);
        this.key = keyOf(signingKey);
        this.previousKey = previousSigningKey == null ? null : keyOf(previousSigningKey);
        if (previousKey != null && previousValidUntil == null) {
            throw new IllegalArgumentException("a previous signing key needs the instant until which it verifies");
        }
        this.previousValidUntil = previousValidUntil;
        this.clock = clock;
    }

    /** Tokens of the same keys for another purpose. */
    public SignedTokens forPurpose(String otherPurpose) {
        return new SignedTokens(purposeBytes(otherPurpose), key, previousKey, previousValidUntil, clock);
    }

    private SignedTokens(byte[] purpose, SecretKeySpec key, SecretKeySpec previousKey, Instant previousValidUntil,
                         Clock clock) {
        this.purpose = purpose;
        this.key = key;
        this.previousKey = previousKey;
        this.previousValidUntil = previousValidUntil;
        this.clock = clock;
    }

    private static byte[] purposeBytes(String purpose) {
        return purpose.isEmpty() ? new byte[0] : (purpose + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec keyOf(String signingKey) {
        return new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A token of the fields (none may contain a line feed). */
    public String issue(String... fields) {
        for (String field : fields) {
            if (field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a token field must not contain a line feed");
            }
        }
        byte[] payload = String.join("\n", fields).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload));
    }

    /**
     * The fields of a token signed for this purpose with the current key, or with the previous key while it is still
     * valid, when it has {@code fieldCount} of them; empty for anything else (forged, altered, garbage, another
     * purpose, signed with a retired key).
     */
    public Optional<List<String>> verify(String token, int fieldCount) {
        if (token == null || token.length() > MAX_LENGTH) {
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
            List<String> fields = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
            return fields.size() == fieldCount ? Optional.of(fields) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(SecretKeySpec signingKey, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(signingKey);
            mac.update(purpose);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
