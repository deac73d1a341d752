package no.biztek.support.intake.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import no.biztek.support.intake.ticket.Accepted;

/**
 * The Zendesk deliveries this instance handled while their signatures are still accepted, by signature, so
 * that a delivery sent again (a replay, or Zendesk invoking the webhook twice for one action) is answered as
 * before and publishes nothing. A signature is remembered until it could no longer pass
 * {@link ZendeskSignature} (its timestamp more than the maximum age away from now); memory is bounded by
 * {@code capacity}: when it is full of signatures still in their window, a new delivery is not taken
 * ({@link #hasRoom} is false) rather than forgetting one that could still be replayed.
 */
final class SeenDeliveries {

    private final Duration window;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Seen> bySignature = new HashMap<>();
    private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));

    SeenDeliveries(Duration window, int capacity, Clock clock) {
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The answer given to the delivery with this signature, if it was handled within the window. */
    synchronized Optional<Accepted> answered(String signature) {
        forgetExpired();
        Seen seen = bySignature.get(signature);
        return Optional.ofNullable(seen == null ? null : seen.answer());
    }

    /** Whether one more delivery can be remembered. */
    synchronized boolean hasRoom() {
        forgetExpired();
        return bySignature.size() < capacity;
    }

    /** How long until the oldest remembered delivery leaves its window (and makes room). */
    synchronized Duration untilRoom() {
        forgetExpired();
        Seen oldest = byExpiry.peek();
        return oldest == null ? Duration.ZERO : Duration.between(clock.instant(), oldest.expiresAt());
    }

    /** Remembers a handled delivery until its signature, signed at {@code signedAt}, leaves the window. */
    synchronized void remember(String signature, Instant signedAt, Accepted answer) {
        forgetExpired();
        Seen seen = new Seen(signature, signedAt.plus(window), answer);
        if (bySignature.putIfAbsent(signature, seen) == null) {
            byExpiry.add(seen);
        }
    }

    synchronized int size() {
        return bySignature.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt().isBefore(now)) {
            bySignature.remove(byExpiry.poll().signature());
        }
    }

    private record Seen(String signature, Instant expiresAt, Accepted answer) {
    }
}
