package no.biztek.support.escalation.delivery;

import java.util.function.UnaryOperator;

/**
 * How a free-text value (customer id, ticket id, person and level names, explanations: anything that came from
 * outside this service) is written into the text of one channel, so that it reads as the value and never as the
 * channel's markup: no forged link or button, no mention, no bold, no extra line. Every value is first made one
 * line ({@link #line}); then
 *
 * <ul>
 *   <li>Slack mrkdwn ({@link #slack}): {@code &}, {@code <} and {@code >} as {@code &amp;}, {@code &lt;},
 *       {@code &gt;} (Slack's own escapes: no {@code <https://evil|Acknowledge here>} link, no {@code <!channel>});
 *       Slack has no escape for its formatting characters, so {@code * _ ~ `} get a zero-width space (U+200B) in
 *       front, which keeps them from pairing into bold, italics, strike-through or code;</li>
 *   <li>the text of a Microsoft Teams Adaptive Card ({@link #teams}): its markdown's significant characters
 *       {@code \ ` * _ ~ # [ ] ( ) | { } ! < >} with a backslash (an Adaptive Card shows no HTML, so {@code <} and
 *       {@code &} need no entities; the backslash keeps {@code <https://...>} from becoming a link);</li>
 *   <li>a mail subject ({@link #subject}): one line, at most {@link #MAX_SUBJECT_VALUE} characters (as
 *       notification-service writes its subjects), so no header can be smuggled in with CR/LF;</li>
 *   <li>a plain-text mail body and the {@code text} of a plain JSON webhook ({@link #line}): one line, nothing
 *       else (JSON escaping is the JSON writer's).</li>
 * </ul>
 *
 * The wording around the values is the service's own and is not escaped.
 */
final class ChannelText {

    /** The longest value in a mail subject; longer ones are shortened with "…". */
    static final int MAX_SUBJECT_VALUE = 120;

    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private static final String TEAMS_MARKUP = "\\`*_~#[]()|{}!<>";

    private ChannelText() {
    }

    /** One line: line breaks, tabs and other control characters become one space each run, ends trimmed. */
    static String line(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\s]+", " ").strip();
    }

    /** A value in a mail subject: one line, shortened. */
    static String subject(String value) {
        String line = line(value);
        return line.length() <= MAX_SUBJECT_VALUE ? line
                : line.substring(0, MAX_SUBJECT_VALUE - 1).strip() + "…";
    }

    /** A value in Slack mrkdwn. */
    static String slack(String value) {
        return escaped(value, "*_~`", ZERO_WIDTH_SPACE);
    }

    /** A value in the text of a Teams Adaptive Card (a TextBlock or a fact). */
    static String teams(String value) {
        String line = line(value);
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (TEAMS_MARKUP.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** One line with {@code & < >} as entities and each markup character preceded by {@code neutraliser}. */
    private static String escaped(String value, String markup, String neutraliser) {
        String line = line(value);
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> (markup.indexOf(c) >= 0 ? escaped.append(neutraliser) : escaped).append(c);
            }
        }
        return escaped.toString();
    }

    /** The escaping of a webhook format's text. */
    static UnaryOperator<String> of(DeliveryProperties.Format format) {
        return switch (format) {
            case PLAIN -> ChannelText::line;
            case TEAMS -> ChannelText::teams;
            case SLACK -> ChannelText::slack;
        };
    }
}
