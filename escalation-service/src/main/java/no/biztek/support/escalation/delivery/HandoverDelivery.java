package no.biztek.support.escalation.delivery;

import java.time.Instant;
import java.util.List;

import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PagingProperties.Engineer;

/**
 * Tells the incoming engineer of a hand-over their shift and the open pages, on every channel a page uses (their
 * own webhook, else the default one, and e-mail), with the pages' retries. Best effort: the result says whether any
 * channel took it.
 */
public final class HandoverDelivery {

    /**
     * A hand-over to tell.
     *
     * @param eventId one per hand-over, so a receiver can drop a repeat
     */
    public record Handover(String eventId, Engineer incoming, String levelName, Instant from, Instant until,
                           List<PageBoard.Page> openPages) {
    }

    private final PageDelivery delivery;

    HandoverDelivery(PageDelivery delivery) {
        this.delivery = delivery;
    }

    /** True when at least one channel took it. */
    public boolean deliver(Handover handover) {
        Engineer e = handover.incoming();
        return delivery.deliver(new HandoverMessage(handover.eventId(), e.name(), e.email(), e.webhook(),
                handover.levelName(), handover.from(), handover.until(), handover.openPages())).delivered();
    }
}
