package no.biztek.support.escalation.paging;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import no.biztek.support.escalation.streams.JsonSerde;
import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * A command to the paging topology from elsewhere in this service, on the service's internal topic
 * {@code <application-id>-page-commands} (key: ticketId, JSON). Today: the delivery component could
 * deliver the page of {@code level} in {@code round} on no channel, so the page moves on as if that
 * level had timed out.
 */
public record PageCommand(Type type, String pageId, String ticketId, int level, int round, String reason,
                          Instant at) {

    public enum Type { DELIVERY_FAILED }

    public static final Serde<PageCommand> SERDE = new JsonSerde<>(PageCommand.class);

    /**
     * The command topic of a Kafka Streams application id. It is internal to this service and must have
     * as many partitions as the ticket-keyed topics it is processed with ({@link Topics#ESCALATION_EVENTS}).
     */
    public static Topic<String, PageCommand> topic(String applicationId, int partitions) {
        return new Topic<>(applicationId + "-page-commands", Serdes.String(), SERDE, CleanupPolicy.DELETE,
                partitions);
    }

    /** What is missing in a decoded command, or null. */
    String problem() {
        if (type == null || pageId == null || ticketId == null || at == null || level < 1 || round < 1) {
            return "a page command needs type, pageId, ticketId, level, round and at";
        }
        return null;
    }
}
