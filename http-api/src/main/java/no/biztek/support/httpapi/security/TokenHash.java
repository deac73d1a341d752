package no.biztek.support.httpapi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a Bearer token, as {@code support.api.tokens} names known tokens. */
public final class TokenHash {

    private TokenHash() {
    }

    public static byte[] of(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Lower-case hex, as in the configuration ({@code printf %s "$TOKEN" | sha256sum}). */
    public static String hexOf(String token) {
        return HexFormat.of().formatHex(of(token));
    }
}
