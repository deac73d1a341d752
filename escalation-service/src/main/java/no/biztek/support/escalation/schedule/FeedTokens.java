package no.biztek.support.escalation.schedule;

import java.time.Instant;
import java.util.Optional;

import no.biztek.support.escalation.api.SignedTokens;
import no.biztek.support.escalation.paging.PagingProperties.Engineer;

/**
 * Tokens of the calendar feed links: an engineer's e-mail and the feed generation, signed ({@link SignedTokens},
 * purpose {@value #PURPOSE}, with the acknowledgement links' keys and rotation). A token verifies only for that
 * purpose; whether its generation is still the engineer's current one (not revoked) is the schedule's to say.
 */
final class FeedTokens {

    static final String PURPOSE = "calendar-feed";

    /** What a genuine token says. */
    record Claims(String email, int generation) {
    }

    /** What a link may see. */
    sealed interface Access {
    }

    /** A genuine, current link of an engineer in the rotation. */
    record Granted(Engineer engineer) implements Access {
    }

    /** Not a link this service signed (403). */
    record Forged() implements Access {
    }

    /** A genuine link that no longer works: a newer one was issued, or the engineer left the rotation (410). */
    record Revoked(String why) implements Access {
    }

    private final SignedTokens tokens;

    FeedTokens(SignedTokens tokens) {
        this.tokens = tokens;
    }

    String issue(String email, int generation) {
        return tokens.issue(ScheduleRecords.normalised(email), Integer.toUnsignedString(generation));
    }

    /**
     * The generation of a feed link issued now, after {@code previous} (0: none on the topic): the issue time in
     * epoch seconds, or one more than the previous when that is later (two links in one second), so generations grow
     * strictly per engineer and also over a recreated topic (which forgets {@code previous}): a link issued before
     * the topic was recreated never equals one issued after it. The Avro {@code int} is read as unsigned 32 bits
     * (epoch seconds fit until 2106); {@link #issue} and {@link #verify} write and read it so.
     */
    static int nextGeneration(int previous, Instant now) {
        long next = Math.max(Integer.toUnsignedLong(previous) + 1, now.getEpochSecond());
        if (next > 0xFFFF_FFFFL) {
            throw new IllegalStateException("a calendar feed generation no longer fits 32 bits: " + next);
        }
        return (int) next;
    }

    /** Whether the token opens a feed in this state of the schedule. */
    Access access(String token, ScheduleState state) {
        Optional<Claims> claims = verify(token);
        if (claims.isEmpty()) {
            return new Forged();
        }
        Optional<Engineer> engineer = state.engineer(claims.get().email());
        if (engineer.isEmpty()) {
            return new Revoked("This calendar link's engineer is no longer in the on-call rotation.");
        }
        if (claims.get().generation() != state.feedGeneration(claims.get().email())) {
            return new Revoked("This calendar link was replaced by a newer one; ask for the current link.");
        }
        return new Granted(engineer.get());
    }

    /** The claims of a genuine token; empty for anything forged, altered or garbage. */
    Optional<Claims> verify(String token) {
        return tokens.verify(token, 2).flatMap(fields -> {
            try {
                return Optional.of(new Claims(fields.get(0), Integer.parseUnsignedInt(fields.get(1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
