package no.biztek.support.escalation.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.biztek.support.escalation.view.Expiry;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.board.BoardLink;

/**
 * The kiosk links as issued and revoked, from the compacted {@code support.board-links.v1}, on every instance: a
 * revocation written through one instance is refused by all, and survives restarts. Bounded: a link is forgotten
 * {@code expired-link-retention} after it expired (its token is refused as expired before it is looked up).
 */
final class BoardLinks implements TopicFollower.View<BoardLink> {

    /** A link as listed. */
    record Link(String id, String name, String issuedBy, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                String revokedBy) {

        boolean revoked() {
            return revokedAt != null;
        }
    }

    private final Map<String, Link> links = new HashMap<>();
    private final Expiry<String> forgetting = new Expiry<>();
    private final Clock clock;
    private final Duration retention;

    BoardLinks(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public synchronized void fold(String key, BoardLink link) {
        if (link == null) {
            links.remove(key);
            forgetting.cancel(key);
        } else {
            links.put(key, new Link(link.getLinkId(), link.getName(), link.getIssuedBy(), link.getIssuedAt(),
                    link.getExpiresAt(), link.getRevokedAt(), link.getRevokedBy()));
            forgetting.schedule(key, link.getExpiresAt().plus(retention));
        }
        forgetDue();
    }

    synchronized Optional<Link> find(String id) {
        forgetDue();
        return Optional.ofNullable(links.get(id));
    }

    /** Every link kept, latest issued first. */
    synchronized List<Link> list() {
        forgetDue();
        return links.values().stream().sorted(Comparator.comparing(Link::issuedAt).reversed()
                .thenComparing(Link::id)).toList();
    }

    private void forgetDue() {
        forgetting.takeDue(clock.instant()).forEach(links::remove);
    }
}
