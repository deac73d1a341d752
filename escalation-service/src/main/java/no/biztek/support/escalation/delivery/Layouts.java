package no.biztek.support.escalation.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How a {@link Notice} is laid out on each channel: a plain-text mail, a Slack message with Block Kit (title, facts
 * as fields, link buttons), and a Microsoft Teams Workflows webhook message carrying an Adaptive Card (Office 365
 * connectors and their MessageCards are retired). The notice's texts come escaped for the channel.
 */
final class Layouts {

    /** Slack allows at most ten fields in one section. */
    private static final int SLACK_FIELDS_PER_SECTION = 10;
    /** Slack's limits: a section's or a field's text, a button's text (beyond them it refuses the whole message). */
    private static final int SLACK_TEXT = 3000;
    private static final int SLACK_FIELD = 2000;
    private static final int SLACK_BUTTON = 75;

    private Layouts() {
    }

    /**
     * The webhook body of a message in a format: its plain JSON {@code fields} with the one-line {@code text}, a Teams
     * card or a Slack message, each from the notice made with the format's escaping.
     */
    static Map<String, Object> body(DeliveryProperties.Format format,
                                    Function<UnaryOperator<String>, Notice> notice, Map<String, Object> fields) {
        return switch (format) {
            case PLAIN -> {
                Map<String, Object> plain = new LinkedHashMap<>(fields);
                plain.put("text", line(notice.apply(ChannelText::line)));
                yield plain;
            }
            case TEAMS -> teams(notice.apply(ChannelText::teams));
            case SLACK -> slack(notice.apply(ChannelText::slack));
        };
    }

    /** A plain-text mail: title, lead, one "Label: value" line per fact, the links, and a last line of ours. */
    static String mail(Notice notice, String footer) {
        StringBuilder text = new StringBuilder(notice.title()).append("\n\n").append(notice.lead()).append("\n\n");
        int width = notice.facts().stream().mapToInt(f -> f.label().length()).max().orElse(0) + 2;
        for (Notice.Fact fact : notice.facts()) {
            text.append(String.format("%-" + width + "s%s%n", fact.label() + ":", fact.value()));
        }
        if (!notice.links().isEmpty()) {
            text.append('\n');
            notice.links().forEach(link -> text.append(link.label()).append(": ").append(link.url()).append('\n'));
        }
        return text.append('\n').append(footer).append('\n').toString();
    }

    /** One line of text for notification previews and plain JSON: the title and the lead. */
    static String line(Notice notice) {
        return notice.lead().isEmpty() ? notice.title() : notice.title() + ". " + notice.lead();
    }

    /** A Slack message (Block Kit); {@code text} is the notification's fallback. */
    static Map<String, Object> slack(Notice notice) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(map("type", "section", "text", map("type", "mrkdwn", "text", shortened(notice.lead().isEmpty()
                ? notice.title() : "*" + notice.title() + "*\n" + notice.lead(), SLACK_TEXT))));
        List<Object> fields = notice.facts().stream().<Object>map(f -> map("type", "mrkdwn",
                "text", shortened("*" + f.label() + "*\n" + f.value(), SLACK_FIELD))).toList();
        for (int from = 0; from < fields.size(); from += SLACK_FIELDS_PER_SECTION) {
            blocks.add(map("type", "section", "fields",
                    fields.subList(from, Math.min(fields.size(), from + SLACK_FIELDS_PER_SECTION))));
        }
        if (!notice.links().isEmpty()) {
            List<Object> buttons = new ArrayList<>();
            for (int i = 0; i < notice.links().size(); i++) {
                Notice.Link link = notice.links().get(i);
                Map<String, Object> button = map("type", "button",
                        "text", map("type", "plain_text", "text", shortened(link.label(), SLACK_BUTTON)),
                        "url", link.url().toString());
                if (i == 0 && notice.urgent()) {
                    button.put("style", "danger");
                }
                buttons.add(button);
            }
            blocks.add(map("type", "actions", "elements", buttons));
        }
        String fallback = notice.title() + (notice.urgent() && !notice.links().isEmpty()
                ? " " + notice.links().get(0).url() : "");
        return map("text", fallback, "blocks", blocks);
    }

    /** A Teams Workflows webhook message: one Adaptive Card with the title, lead, a fact set and link buttons. */
    static Map<String, Object> teams(Notice notice) {
        List<Object> body = new ArrayList<>();
        body.add(map("type", "TextBlock", "text", notice.title(), "weight", "Bolder", "size", "Medium", "wrap", true,
                "color", notice.urgent() ? "Attention" : "Good"));
        if (!notice.lead().isEmpty()) {
            body.add(map("type", "TextBlock", "text", notice.lead(), "wrap", true));
        }
        if (!notice.facts().isEmpty()) {
            body.add(map("type", "FactSet", "facts", notice.facts().stream()
                    .map(f -> map("title", f.label(), "value", f.value())).toList()));
        }
        Map<String, Object> card = map("$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard", "version", "1.4", "body", body);
        if (!notice.links().isEmpty()) {
            List<Object> actions = new ArrayList<>();
            for (int i = 0; i < notice.links().size(); i++) {
                Notice.Link link = notice.links().get(i);
                Map<String, Object> action = map("type", "Action.OpenUrl", "title", link.label(),
                        "url", link.url().toString());
                if (i == 0 && notice.urgent()) {
                    action.put("style", "positive");
                }
                actions.add(action);
            }
            card.put("actions", actions);
        }
        return map("type", "message", "attachments", List.of(map(
                "contentType", "application/vnd.microsoft.card.adaptive", "contentUrl", null, "content", card)));
    }

    /**
     * At most {@code limit} characters, cut with "…" (after escaping, so an escape is never split from what follows it;
     * a cut entity or zero-width space before a character is harmless).
     */
    static String shortened(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    /** An ordered map of keys and values (null values kept: a JSON null says "not known"). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
