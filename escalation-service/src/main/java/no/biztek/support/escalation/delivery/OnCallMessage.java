package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What one person is told on every channel: a page to acknowledge, the end of a page they were paged for (it was
 * acknowledged, closed or withdrawn), or the hand-over to them of the on-call shift.
 */
sealed interface OnCallMessage permits PageMessage, PageEndedMessage, HandoverMessage {

    String eventId();

    String pageId();

    String ticketId();

    /** The person's name. */
    String name();

    /** The person's e-mail address (also whom the message is for). */
    String email();

    /** The person's own webhook, or null (then the default webhook). */
    URI webhook();

    /** The message, every free-text value written by {@code value} (a {@link ChannelText} escaping). */
    Notice notice(ZoneId zone, UnaryOperator<String> value);

    /** The fields of the plain JSON webhook body (its {@code text} is added to them). */
    Map<String, Object> fields();

    /** The subject of the mail: one line, no CR/LF, long values shortened. */
    default String mailSubject(ZoneId zone) {
        return notice(zone, ChannelText::subject).title();
    }

    /** The plain-text body of the mail (every value on one line). */
    default String mailText(ZoneId zone) {
        return Layouts.mail(notice(zone, ChannelText::line), "Page " + ChannelText.line(pageId()));
    }

    /** The webhook's {@code Idempotency-Key}: one per event and person, so a receiver can drop a repeat. */
    String idempotencyKey();
}
