package no.biztek.support.escalation.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts JSON to webhooks: a page, or the end of one, to the person's own webhook (else the default one) as
 * plain JSON, a Teams Workflows Adaptive Card or a Slack Block Kit message ({@link Layouts}), and anything else the service posts (the desk's SLA
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

    /**
     * A page or the end of one: plain JSON (the values as they are, JSON-escaped by the writer; {@code text} on one
     * line), a Teams Adaptive Card or a Slack Block Kit message, every free-text value escaped for the format
     * ({@link ChannelText}).
     */
    static String body(OnCallMessage message, DeliveryProperties.Format format, ZoneId zone) {
        return json(Layouts.body(format, value -> message.notice(zone, value), message.fields()));
    }
}
