package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.ZoneId;

/** What one person is told on every channel: a page to acknowledge, or the withdrawal of a page they got. */
sealed interface OnCallMessage permits PageMessage, WithdrawalMessage {

    String eventId();

    String pageId();

    String ticketId();

    /** The person's name. */
    String name();

    /** The person's e-mail address (also whom the message is for). */
    String email();

    /** The person's own webhook, or null (then the default webhook). */
    URI webhook();

    String subject();

    /** The message in words, for a mail or a chat card. */
    String summary(ZoneId zone);

    /** The plain-text body of the mail. */
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
