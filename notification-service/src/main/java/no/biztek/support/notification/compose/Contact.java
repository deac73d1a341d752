package no.biztek.support.notification.compose;

import java.util.Locale;
import java.util.Objects;

/** Someone a notification goes to: a ticket's requester or one of its customer's notification contacts. */
public record Contact(String name, String email) {

    public Contact {
        Objects.requireNonNull(email, "email");
        email = email.strip();
        name = name == null ? "" : name.strip();
    }

    /** The address compared case-insensitively, to send one copy per mailbox. */
    public String mailbox() {
        return email.toLowerCase(Locale.ROOT);
    }
}
