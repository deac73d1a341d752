package no.biztek.support.escalation.board;

import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.customer.Customer;

/**
 * Views the board adds to the service's followers of the page-state and customer topics (the ticket topic's is
 * {@link BoardView#tickets()}): they only note which rows to rebuild (never blocking the follower); the rows read the facts from the views that keep them.
 */
public final class BoardTouches {

    private final BoardFeed feed;

    BoardTouches(BoardFeed feed) {
        this.feed = feed;
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
