package no.biztek.support.escalation.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.http.HttpStatus;

import no.biztek.support.escalation.api.Problems;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.board.BoardLink;
import no.biztek.support.schemas.topic.Topics;

/**
 * Issues and revokes kiosk links on {@code support.board-links.v1}: publishes, waits for the broker's
 * acknowledgement and for this instance's view to read it back (503 with Retry-After when either does not happen in
 * time), so the next request through any instance sees it.
 */
final class LinkWriter {

    static final int MAX_NAME_LENGTH = 200;

    /** A link just issued, with its token (shown once: the topic never holds it). */
    record Issued(BoardLinks.Link link, String token) {
    }

    private final AcknowledgedPublisher publisher;
    private final TopicFollower<BoardLink> follower;
    private final BoardLinks links;
    private final LinkTokens tokens;
    private final Duration maxValidity;
    private final Duration lookupTimeout;
    private final Duration retryAfter;
    private final Clock clock;

    LinkWriter(AcknowledgedPublisher publisher, TopicFollower<BoardLink> follower, BoardLinks links,
               LinkTokens tokens, Duration maxValidity, Duration lookupTimeout, Duration retryAfter, Clock clock) {
        this.publisher = publisher;
        this.follower = follower;
        this.links = links;
        this.tokens = tokens;
        this.maxValidity = maxValidity;
        this.lookupTimeout = lookupTimeout;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    Issued issue(String name, String validFor, String by) {
        if (name == null || name.isBlank()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "name: required, e.g. \"Desk wall screen\"");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "name: at most " + MAX_NAME_LENGTH + " characters");
        }
        Duration validity = validity(validFor);
        Instant now = clock.instant();
        // whole seconds: the token carries its expiry in epoch seconds, and the listing must say the same
        Instant expiresAt = Instant.ofEpochSecond(now.plus(validity).getEpochSecond());
        BoardLink link = BoardLink.newBuilder().setLinkId(UUID.randomUUID().toString()).setName(name.strip())
                .setIssuedBy(by).setIssuedAt(now).setExpiresAt(expiresAt).setProducer("escalation-service").build();
        write(link);
        BoardLinks.Link issued = links.find(link.getLinkId()).orElseThrow();
        return new Issued(issued, tokens.issue(link.getLinkId(), expiresAt));
    }

    BoardLinks.Link revoke(String id, String by) {
        readUpToNow();
        BoardLinks.Link known = links.find(id).orElseThrow(() -> Problems.notFound("No board link " + id
                + " is known (an expired link is listed for a while after it expired, then forgotten)."));
        if (known.revoked()) {
            return known;
        }
        write(BoardLink.newBuilder().setLinkId(known.id()).setName(known.name()).setIssuedBy(known.issuedBy())
                .setIssuedAt(known.issuedAt()).setExpiresAt(known.expiresAt()).setRevokedAt(clock.instant())
                .setRevokedBy(by).setProducer("escalation-service").build());
        return links.find(id).orElseThrow();
    }

    /** The link as this instance knows it, after reading the topic up to now when it is not known yet. */
    Optional<BoardLinks.Link> find(String id) {
        return follower.find(() -> links.find(id), lookupTimeout);
    }

    void readUpToNow() {
        if (!follower.awaitCaughtUp(lookupTimeout)) {
            throw Problems.unavailable("Could not read the board links in time; retry later.", retryAfter);
        }
    }

    private Duration validity(String validFor) {
        if (validFor == null || validFor.isBlank()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "validFor: required, an ISO-8601 duration such as P30D (at most "
                    + maxValidity + ")");
        }
        Duration validity;
        try {
            validity = Duration.parse(validFor.strip());
        } catch (RuntimeException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "validFor: not an ISO-8601 duration: '" + validFor
                    + "' (e.g. P30D or PT12H)");
        }
        if (validity.isNegative() || validity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "validFor: at least one minute, was " + validFor);
        }
        if (validity.compareTo(maxValidity) > 0) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "validFor: at most " + maxValidity + " (board.max-link-validity)"
                    + ", was " + validFor);
        }
        return validity;
    }

    private void write(BoardLink link) {
        RecordMetadata written = publisher.publish(Topics.BOARD_LINKS, link.getLinkId(), link);
        if (!follower.readBack(written, lookupTimeout)) {
            throw Problems.unavailable("The board link was recorded but not read back in time; retry later.",
                    retryAfter);
        }
    }
}
