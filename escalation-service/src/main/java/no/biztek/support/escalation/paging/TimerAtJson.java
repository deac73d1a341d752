package no.biztek.support.escalation.paging;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the instant of a page's or ticket's timer, also from a record written before the timer index: those kept
 * the timer's key instead ({@code timerKey}, {@code purgeKey}: {@code <due epoch millis, 13 digits>|ticketId|pageId}),
 * whose digits are the instant. {@link PageTimers#rebuildOlderLayout} schedules the timers again from it.
 */
final class TimerAtJson extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getString();
            int bar = text.indexOf('|');
            if (bar > 0) {
                return Instant.ofEpochMilli(Long.parseLong(text.substring(0, bar)));
            }
        }
        return context.readValue(parser, Instant.class);
    }
}
