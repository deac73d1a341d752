package no.biztek.support.escalation.paging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import no.biztek.support.escalation.api.SignedTokens;

/**
 * Tokens of the one-click acknowledgement links: {@code base64url(pageId \n recipient \n expiresAt)}
 * {@code .} {@code base64url(HMAC-SHA256 of that text)} with the configured key ({@link SignedTokens}). A token is
 * valid for one page and names who it was sent to (the acknowledger); it carries its expiry; a change to any
 * byte breaks the signature. Whether the page still awaits an acknowledgement (single use) is the
 * page's state, not the token's.
 *
 * <p>Key rotation: new tokens are always signed with the current key; a token signed with the previous key (when
 * one is configured) still verifies until {@code previousValidUntil} (exclusive) by the injected clock, and is
 * refused like a forged one after that.
 */
public final class AckTokens {

    private final SignedTokens tokens;

    /** Tokens of one key, without a previous one. */
    public AckTokens(String signingKey) {
        this(signingKey, null, null, Clock.systemUTC());
    }

    /**
     * @param previousSigningKey the key before the last rotation, or null
     * @param previousValidUntil until when tokens of the previous key verify (required with one)
     */
    public AckTokens(String signingKey, String previousSigningKey, Instant previousValidUntil, Clock clock) {
        this.tokens = new SignedTokens("", signingKey, previousSigningKey, previousValidUntil, clock);
    }

    /** What a genuine token says. */
    public record Claims(String pageId, String recipient, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    public String issue(String pageId, String recipient, Instant expiresAt) {
        return tokens.issue(pageId, recipient, Long.toString(expiresAt.getEpochSecond()));
    }

    /**
     * The claims of a token signed with the current key, or with the previous key while it is still valid; empty for
     * anything else (forged, altered, garbage, signed with a retired key).
     */
    public Optional<Claims> verify(String token) {
        return tokens.verify(token, 3).flatMap(fields -> {
            try {
                return Optional.of(new Claims(fields.get(0), fields.get(1),
                        Instant.ofEpochSecond(Long.parseLong(fields.get(2)))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** Tokens of the same keys (and rotation) for another purpose, e.g. the calendar feed links. */
    public SignedTokens forPurpose(String purpose) {
        return tokens.forPurpose(purpose);
    }
}
