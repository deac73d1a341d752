package no.biztek.support.escalation.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import no.biztek.support.escalation.api.SignedTokens;

/**
 * Tokens of the shareable report links ({@code /reports/<token>}): customer, month and expiry, signed with the
 * acknowledgement links' keys for their own purpose ({@link #PURPOSE}), so no other link verifies as one.
 */
final class ReportLinks {

    static final String PURPOSE = "sla-report";

    record Claims(String customerId, YearMonth month, Instant expiresAt) {
    }

    private final SignedTokens tokens;

    ReportLinks(SignedTokens tokens) {
        this.tokens = tokens;
    }

    String issue(String customerId, YearMonth month, Instant expiresAt) {
        return tokens.issue(customerId, month.toString(), Long.toString(expiresAt.getEpochSecond()));
    }

    /** The claims of a genuine token; empty for a forged, altered or garbled one. */
    Optional<Claims> verify(String token) {
        return tokens.verify(token, 3).flatMap(fields -> {
            try {
                return Optional.of(new Claims(fields.get(0), YearMonth.parse(fields.get(1)),
                        Instant.ofEpochSecond(Long.parseLong(fields.get(2)))));
            } catch (DateTimeParseException | NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
