package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

/**
 * What one person is told on every channel: a page to acknowledge, the withdrawal of a page they got, or the
 * hand-over to them of the on-call shift.
 */
sealed interface OnCallMessage permits PageMessage, WithdrawalMessage, HandoverMessage {

    String eventId();

    String pageId();

    String ticketId();

    /** The person's name. */
    String name();

    /** The person's e-mail address (also whom the message is for). */
    String email();

    /** The person's own webhook, or null (then the default webhook). */
    URI webhook();

    /** The subject, every free-text value written by {@code value} (a {@link ChannelText} escaping). */
    String subject(UnaryOperator<String> value);

    /** The message in words, for a mail or a chat card, every free-text value written by {@code value}. */
    String summary(ZoneId zone, UnaryOperator<String> value);

    /** The subject of the mail: one line, no CR/LF, long values shortened. */
    default String mailSubject() {
        return subject(ChannelText::subject);
    }

    /** The plain-text body of the mail (every value on one line). */
    String mailText(ZoneId zone);

    /** The webhook's {@code Idempotency-Key}: one per event and person, so a receiver can drop a repeat. */
    String idempotencyKey();

    static String severityLabel(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "Severity 1";
            case "SERIOUS" -> "Severity 2";
            case "LESS_SERIOUS" -> "Severity 3";
            default -> severity;
        };
    }
}
