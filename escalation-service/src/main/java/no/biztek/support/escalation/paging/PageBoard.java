package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;

/**
 * Every page as the topology committed it: a view of the {@code pages} store's changelog topic
 * ({@link no.biztek.support.escalation.paging.InternalTopics#pageStates()}), read by every instance. The board
 * guesses nothing: a page is open, acknowledged, closed, exhausted or withdrawn because the topology says so, in the
 * same transaction as the page events it emitted. Serves the page API, the acknowledgement links and the delivery's
 * checks.
 */
@Component
public class PageBoard implements TopicFollower.View<PageState> {

    /**
     * Where a page stands, as the API shows it (an exhausted page is open: it still awaits an acknowledgement;
     * a withdrawn one is withdrawn whatever it was before).
     */
    public enum State { OPEN, ACKNOWLEDGED, CLOSED, WITHDRAWN }

    /**
     * A page as the API shows it.
     *
     * @param acknowledgedAt set when it was acknowledged (also when it was withdrawn afterwards)
     * @param closedAt       when it stopped paging without an acknowledgement (closed, or withdrawn while paging)
     * @param withdrawnAt    when its cause was withdrawn
     * @param withdrawal     why, in words
     * @param acknowledgedByToken the API token (its configured name) an API acknowledgement was made with; null for
     *                       a link and for acknowledgements recorded before it was kept
     */
    public record Page(String pageId, String ticketId, String customerId, String severity, String cause, int level,
                       String levelName, int round, String pagedName, String pagedEmail, Instant pagedAt,
                       Instant lastPagedAt, Instant acknowledgeBy, State state, boolean exhausted,
                       String acknowledgedBy, Instant acknowledgedAt, String acknowledgedVia, Instant closedAt,
                       List<PageState.Paged> pagedPeople, Instant withdrawnAt, String withdrawal,
                       String acknowledgedByToken) {

        static Page of(PageState s) {
            State state = switch (s.status()) {
                case OPEN, EXHAUSTED -> State.OPEN;
                case ACKNOWLEDGED -> State.ACKNOWLEDGED;
                case CLOSED -> State.CLOSED;
                case WITHDRAWN -> State.WITHDRAWN;
            };
            boolean acknowledged = s.acknowledgedBy() != null
                    && (state == State.ACKNOWLEDGED || state == State.WITHDRAWN);
            boolean closed = state == State.CLOSED || (state == State.WITHDRAWN && !acknowledged);
            return new Page(s.pageId(), s.ticketId(), s.customerId(), s.severity(), s.cause(), s.level(),
                    s.levelName(), s.round(), s.personName(), s.personEmail(), s.pagedAt(),
                    s.levelPagedAt() != null ? s.levelPagedAt() : s.pagedAt(), s.acknowledgeBy(), state,
                    s.status() == PageState.Status.EXHAUSTED, s.acknowledgedBy(), acknowledged ? s.endedAt() : null,
                    s.acknowledgedVia(), closed ? s.endedAt() : null, s.everyonePaged(),
                    state == State.WITHDRAWN ? s.withdrawnAt() : null, s.withdrawal(),
                    acknowledged ? s.acknowledgedByToken() : null);
        }
    }

    private final Map<String, PageState> pages = new HashMap<>();

    /** A record of the changelog (key {@code ticketId|pageId}); null: the topology purged the page. */
    @Override
    public synchronized void fold(String key, PageState state) {
        String pageId = key.substring(key.lastIndexOf('|') + 1);
        if (state == null) {
            pages.remove(pageId);
        } else {
            pages.put(pageId, state);
        }
        notifyAll();
    }

    public synchronized Optional<Page> find(String pageId) {
        return Optional.ofNullable(pages.get(pageId)).map(Page::of);
    }

    /** Pages in the state (all when null), latest first. */
    public synchronized List<Page> list(State state) {
        return pages.values().stream().map(Page::of).filter(p -> state == null || p.state() == state)
                .sorted(Comparator.comparing(Page::pagedAt).reversed().thenComparing(Page::pageId)).toList();
    }

    /**
     * Waits until the topology has ended the page (acknowledged, closed or withdrawn it) and this board has read that;
     * empty when that does not happen within the timeout.
     */
    public synchronized Optional<Page> awaitEnded(String pageId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PageState state = pages.get(pageId);
            if (state != null && !state.status().awaitsAcknowledgement()) {
                return Optional.of(Page.of(state));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
