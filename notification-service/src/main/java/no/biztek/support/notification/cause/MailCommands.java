package no.biztek.support.notification.cause;

import java.util.List;

import no.biztek.support.notification.compose.ComposedMail;
import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.notification.delivery.NotificationCommand;

/**
 * Words and addresses a notification (in the customer's language, to the requester and the customer's contacts)
 * and makes it the sender's command. A notification without any recipient is still a command, marked
 * undeliverable, so that the sender reports it like any other failure (dead letter, CustomerNotificationFailed,
 * metric).
 */
final class MailCommands {

    private final MailComposer composer;

    MailCommands(MailComposer composer) {
        this.composer = composer;
    }

    NotificationCommand of(Outgoing outgoing) {
        Draft draft = outgoing.draft();
        CustomerView customer = outgoing.customer();
        ComposedMail mail = customer == null
                ? composer.compose(draft, null, null, List.of())
                : composer.compose(draft, customer.locale(), customer.name(), customer.contacts());
        List<Contact> recipients = mail.recipients();
        String undeliverable = outgoing.withheld();
        if (undeliverable != null) {
            recipients = List.of();
        } else if (recipients.isEmpty()) {
            undeliverable = "no recipients: the ticket's requester has no e-mail address and customer "
                    + draft.customerId() + (customer == null ? " is not in the directory" : " has no notification contacts");
        }
        return new NotificationCommand(draft.notificationId(), draft.causeEventId(), draft.template(), draft.ticketId(),
                draft.customerId(), draft.escalationId(), mail.locale(), recipients, mail.subject(), mail.text(),
                mail.html(), draft.issuedAt(), undeliverable);
    }
}
