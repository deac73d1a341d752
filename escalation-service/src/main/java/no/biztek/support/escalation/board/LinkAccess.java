package no.biztek.support.escalation.board;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Whether a kiosk link's token opens the board now: the decision, from the token and the links topic. Pure. */
final class LinkAccess {

    /** What a token may do. */
    sealed interface Decision {
    }

    /** A genuine, current link. */
    record Granted(BoardLinks.Link link) implements Decision {
    }

    /** Not a token this service signed for the board (403). */
    record Forged() implements Decision {
    }

    /** A genuine link this service does not know (its record is gone, e.g. a recreated topic) (404). */
    record Unknown() implements Decision {
    }

    /** A genuine link that no longer works (410): expired, or revoked. */
    record Gone(String why) implements Decision {
    }

    private LinkAccess() {
    }

    static Decision decide(Optional<LinkTokens.Claims> claims, Function<String, Optional<BoardLinks.Link>> links,
                           Instant now) {
        if (claims.isEmpty()) {
            return new Forged();
        }
        if (!now.isBefore(claims.get().expiresAt())) {
            return new Gone("This board link expired. Ask the desk for a new one.");
        }
        Optional<BoardLinks.Link> link = links.apply(claims.get().linkId());
        if (link.isEmpty()) {
            return new Unknown();
        }
        if (link.get().revoked()) {
            return new Gone("This board link was revoked. Ask the desk for a new one.");
        }
        return new Granted(link.get());
    }
}
