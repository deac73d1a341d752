package no.biztek.support.escalation.paging;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * The service's own topics, each named {@code <application-id>-<name>} after its Kafka Streams application id
 * ({@code spring.kafka.streams.application-id}, default {@code spring.application.name}), so instances with one id
 * share them and another id gets its own. They are processed together with the ticket-keyed topics, so they have the
 * escalation topic's partition count: {@link TopicLayout} creates the page commands with its actual count, Kafka
 * Streams the changelog with its inputs'; the catalogue count given here is never used to create them.
 *
 * @param applicationId the Kafka Streams application id
 */
public record InternalTopics(String applicationId) {

    /** Commands to the paging topology (key ticketId, JSON); what cannot be read goes to its DLT. */
    public Topic<String, PageCommand> pageCommands() {
        return topic("page-commands", PageCommand.SERDE, CleanupPolicy.DELETE);
    }

    /**
     * The changelog of the {@code pages} store, which Kafka Streams names {@code <application-id>-<store>-changelog}
     * and creates on its first start (compacted, key {@code ticketId|pageId}, JSON {@link PageState}, a tombstone
     * when an ended page is purged). It is written in the topology's transactions, so a {@code read_committed}
     * reader sees exactly the page state the topology committed, together with the page events of the same
     * transaction.
     */
    public Topic<String, PageState> pageStates() {
        return topic(PagingTopology.PAGES_STORE + "-changelog", PageState.SERDE, CleanupPolicy.COMPACT);
    }

    private <V> Topic<String, V> topic(String name, Serde<V> values, CleanupPolicy cleanupPolicy) {
        return new Topic<>(applicationId + "-" + name, Serdes.String(), values, cleanupPolicy,
                Topics.ESCALATION_EVENTS.defaultPartitions());
    }
}
