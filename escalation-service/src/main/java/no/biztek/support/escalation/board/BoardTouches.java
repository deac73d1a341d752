package no.biztek.support.escalation.board;

import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * Views the board adds to the service's followers of the ticket, page-state and customer topics: they only note
 * which rows to rebuild (never blocking the follower); the rows read the facts from the views that keep them.
 */
public final class BoardTouches {

    private final BoardFeed feed;

    BoardTouches(BoardFeed feed) {
        this.feed = feed;
    }

    /** A ticket event: its title may be known now. */
    public TopicFollower.View<TicketEvent> tickets() {
        return (key, event) -> feed.changed(event.getTicketId());
    }

    /** A page changed: who holds the ticket's pages. */
    public TopicFollower.View<PageState> pages() {
        return (key, state) -> feed.changed(key.substring(0, Math.max(0, key.indexOf('|'))));
    }

    /** A customer's name changed. */
    public TopicFollower.View<Customer> customers() {
        return (key, customer) -> feed.changedAll();
    }
}
