package no.biztek.support.notification.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Who a notification goes to: the ticket's requester, then the customer's notification contacts, one copy per mailbox. */
final class Recipients {

    private Recipients() {
    }

    static List<Contact> of(Contact requester, List<Contact> customerContacts) {
        List<Contact> recipients = new ArrayList<>();
        Set<String> mailboxes = new HashSet<>();
        if (requester != null && !requester.email().isBlank() && mailboxes.add(requester.mailbox())) {
            recipients.add(requester);
        }
        for (Contact contact : customerContacts) {
            if (!contact.email().isBlank() && mailboxes.add(contact.mailbox())) {
                recipients.add(contact);
            }
        }
        return recipients;
    }
}
