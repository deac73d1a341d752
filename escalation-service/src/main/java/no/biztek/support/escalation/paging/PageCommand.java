package no.biztek.support.escalation.paging;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;

import no.biztek.support.kafka.serde.JsonSerde;

/**
 * A command to the paging topology from elsewhere in this service, on the service's internal page-command topic
 * ({@link no.biztek.support.escalation.paging.InternalTopics#pageCommands()}, key: ticketId, JSON). Today: the
 * delivery component could deliver the page of {@code level} in {@code round} on no channel, so the page moves on as
 * if that level had timed out.
 */
public record PageCommand(Type type, String pageId, String ticketId, int level, int round, String reason,
                          Instant at) {

    public enum Type { DELIVERY_FAILED }

    public static final Serde<PageCommand> SERDE = JsonSerde.of(PageCommand.class);

    /** What is missing in a decoded command, or null. */
    String problem() {
        if (type == null || pageId == null || ticketId == null || at == null || level < 1 || round < 1) {
            return "a page command needs type, pageId, ticketId, level, round and at";
        }
        return null;
    }
}
