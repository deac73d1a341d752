package no.biztek.support.escalation.board;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The board's Server-Sent Event streams: opens one per client on the {@link BoardFeed}, sends heartbeats (a comment
 * line, and the server's clock as a {@code now} event) and closes those whose access ended or that timed out.
 */
final class BoardStreams {

    private final BoardFeed feed;
    private final Executor senders;
    private final int queueCapacity;
    private final Duration timeout;
    private final Clock clock;
    private final Set<BoardClient> clients = ConcurrentHashMap.newKeySet();

    BoardStreams(BoardFeed feed, Executor senders, int queueCapacity, Duration timeout, Clock clock) {
        this.feed = feed;
        this.senders = senders;
        this.queueCapacity = queueCapacity;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * A stream for a client that resumes after {@code lastEventId} (null: from a snapshot).
     *
     * @param allowed checked at every heartbeat: once false the client gets a {@code revoked} event and is closed
     */
    SseEmitter open(String lastEventId, BooleanSupplier allowed) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        BoardClient[] self = new BoardClient[1];
        BoardClient client = new BoardClient(emitter, queueCapacity, senders, allowed, () -> {
            clients.remove(self[0]);
            feed.unsubscribe(self[0]);
        });
        self[0] = client;
        clients.add(client);
        feed.subscribe(lastEventId, client);
        return emitter;
    }

    /** Keeps idle connections open through proxies, tells the page the server's time, and ends revoked access. */
    void heartbeat() {
        for (BoardClient client : clients) {
            client.stillAllowed();
        }
        feed.broadcast(BoardEvent.comment("heartbeat"));
        feed.broadcast(new BoardEvent(null, "now", BoardMessages.json(new BoardMessages.Now(clock.instant()))));
    }

    /** Connected clients (a gauge). */
    int clients() {
        return clients.size();
    }

    /** Closes every stream (shutting down). */
    void closeAll() {
        clients.forEach(BoardClient::close);
    }
}
