package no.biztek.support.escalation.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts JSON to webhooks: a page, or the withdrawal of one, to the person's own webhook (else the default one) as
 * plain JSON, a Teams message card or a Slack message, and anything else the service posts (the desk's SLA
 * warnings) in the same way. 2xx means taken; no redirects are followed.
 */
final class WebhookChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final DeliveryProperties.Webhook settings;
    private final ZoneId zone;

    WebhookChannel(DeliveryProperties.Webhook settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The person's own webhook, or the default one; null when there is neither. */
    URI target(OnCallMessage message) {
        return message.webhook() != null ? message.webhook() : settings.url();
    }

    /** The body format of every webhook. */
    DeliveryProperties.Format format() {
        return settings.format();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean reaches(OnCallMessage message) {
        return target(message) != null;
    }

    @Override
    public void send(OnCallMessage message) throws IOException, InterruptedException {
        post(target(message), body(message, settings.format(), zone), message.idempotencyKey());
    }

    /** One POST of a JSON body; throws unless the webhook answered 2xx. */
    void post(URI target, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + response.statusCode());
        }
    }

    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    static String body(OnCallMessage message, DeliveryProperties.Format format, ZoneId zone) {
        if (message instanceof PageMessage page) {
            return body(page, format, zone);
        }
        if (message instanceof HandoverMessage handover) {
            return HandoverBody.of(handover, format, zone);
        }
        return body((WithdrawalMessage) message, format, zone);
    }

    /**
     * A page: plain JSON (the values as they are, JSON-escaped by the writer; {@code text} on one line), a Teams
     * message card or a Slack message, every free-text value escaped for the format ({@link ChannelText}).
     */
    private static String body(PageMessage m, DeliveryProperties.Format format, ZoneId zone) {
        String ack = m.acknowledgeUrl().toString();
        Object body = switch (format) {
            case PLAIN -> plain(m, ack);
            case TEAMS -> map("@type", "MessageCard", "@context", "https://schema.org/extensions",
                    "summary", m.subject(ChannelText::line), "themeColor", "D70000",
                    "title", m.subject(ChannelText::teams), "text", m.summary(zone, ChannelText::teams),
                    "potentialAction", List.of(map("@type", "OpenUri", "name", "Acknowledge",
                            "targets", List.of(map("os", "default", "uri", ack)))));
            case SLACK -> map("text", m.subject(ChannelText::slack) + " " + ack, "blocks", List.of(
                    map("type", "section", "text", map("type", "mrkdwn", "text", "*" + m.subject(ChannelText::slack)
                            + "*\n" + m.summary(zone, ChannelText::slack))),
                    map("type", "actions", "elements", List.of(map("type", "button", "style", "danger",
                            "text", map("type", "plain_text", "text", "Acknowledge"), "url", ack)))));
        };
        return JSON.writeValueAsString(body);
    }

    /** A withdrawal: the same shapes as a page, without an acknowledge button (nothing to acknowledge). */
    private static String body(WithdrawalMessage m, DeliveryProperties.Format format, ZoneId zone) {
        Object body = switch (format) {
            case PLAIN -> map("type", "PageClosed", "eventId", m.eventId(), "pageId", m.pageId(),
                    "ticketId", m.ticketId(), "customerId", m.customerId(), "severity", m.severity(),
                    "reason", "CAUSE_WITHDRAWN", "explanation", m.explanation(),
                    "supersededEventId", m.supersededEventId(), "paged", map("name", m.name(), "email", m.email()),
                    "text", m.summary(zone, ChannelText::line));
            case TEAMS -> map("@type", "MessageCard", "@context", "https://schema.org/extensions",
                    "summary", m.subject(ChannelText::line), "themeColor", "2EB886",
                    "title", m.subject(ChannelText::teams), "text", m.summary(zone, ChannelText::teams));
            case SLACK -> map("text", m.subject(ChannelText::slack) + ": " + ChannelText.slack(m.explanation()),
                    "blocks", List.of(map("type", "section", "text", map("type", "mrkdwn", "text", "*"
                            + m.subject(ChannelText::slack) + "*\n" + m.summary(zone, ChannelText::slack)))));
        };
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> plain(PageMessage m, String ack) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", m.reEscalation() == null ? "OnCallPaged" : "PageReEscalated");
        body.put("eventId", m.eventId());
        body.put("pageId", m.pageId());
        body.put("ticketId", m.ticketId());
        body.put("customerId", m.customerId());
        body.put("severity", m.severity());
        body.put("cause", m.cause());
        body.put("level", m.level());
        body.put("levelName", m.levelName());
        body.put("round", m.round());
        body.put("reEscalationReason", m.reEscalation());
        body.put("paged", map("name", m.name(), "email", m.email()));
        body.put("acknowledgeBy", m.acknowledgeBy().toString());
        body.put("acknowledgeUrl", ack);
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
