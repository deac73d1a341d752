package no.biztek.support.escalation.board;

import java.time.Instant;
import java.util.Optional;

import no.biztek.support.escalation.api.SignedTokens;

/**
 * Tokens of the kiosk links: the link's id and expiry, signed ({@link SignedTokens}, purpose {@value #PURPOSE}, with
 * the acknowledgement links' keys and rotation). A token verifies only for that purpose; whether its link was revoked
 * is the link topic's to say ({@link LinkAccess}).
 */
final class LinkTokens {

    static final String PURPOSE = "board-link";

    /** What a genuine token says. */
    record Claims(String linkId, Instant expiresAt) {
    }

    private final SignedTokens tokens;

    LinkTokens(SignedTokens tokens) {
        this.tokens = tokens;
    }

    String issue(String linkId, Instant expiresAt) {
        return tokens.issue(linkId, Long.toString(expiresAt.getEpochSecond()));
    }

    /** The claims of a genuine token; empty for anything forged, altered, of another purpose or garbage. */
    Optional<Claims> verify(String token) {
        return tokens.verify(token, 2).flatMap(fields -> {
            try {
                return Optional.of(new Claims(fields.get(0), Instant.ofEpochSecond(Long.parseLong(fields.get(1)))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
