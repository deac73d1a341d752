package no.biztek.support.escalation.delivery;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook body of a hand-over: plain JSON ({@code type: OnCallHandover}, the shift, the open pages, {@code text}
 * on one line), a Teams message card or a Slack message, every free-text value escaped for the format
 * ({@link ChannelText}); no button (nothing to acknowledge).
 */
final class HandoverBody {

    private HandoverBody() {
    }

    static String of(HandoverMessage m, DeliveryProperties.Format format, ZoneId zone) {
        Object body = switch (format) {
            case PLAIN -> plain(m, zone);
            case TEAMS -> map("@type", "MessageCard", "@context", "https://schema.org/extensions",
                    "summary", m.subject(ChannelText::line), "themeColor", "0078D7",
                    "title", m.subject(ChannelText::teams), "text", m.summary(zone, ChannelText::teams));
            case SLACK -> map("text", m.subject(ChannelText::slack), "blocks", List.of(map("type", "section",
                    "text", map("type", "mrkdwn", "text", "*" + m.subject(ChannelText::slack) + "*\n"
                            + m.summary(zone, ChannelText::slack)))));
        };
        return WebhookChannel.json(body);
    }

    private static Map<String, Object> plain(HandoverMessage m, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "OnCallHandover");
        body.put("eventId", m.eventId());
        body.put("engineer", map("name", m.name(), "email", m.email()));
        body.put("levelName", m.levelName());
        body.put("from", m.from().toString());
        body.put("until", m.until().toString());
        body.put("openPages", m.openPages().stream().map(p -> map("pageId", p.pageId(), "ticketId", p.ticketId(),
                "customerId", p.customerId(), "severity", p.severity(), "level", p.level(),
                "paged", map("name", p.pagedName(), "email", p.pagedEmail()), "pagedAt", p.pagedAt().toString(),
                "exhausted", p.exhausted())).toList());
        body.put("text", m.summary(zone, ChannelText::line));
        return body;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
