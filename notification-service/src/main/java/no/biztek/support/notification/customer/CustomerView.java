package no.biztek.support.notification.customer;

import java.util.List;
import java.util.Objects;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.schemas.common.CustomerLocale;

/** What the service keeps of a customer's directory entry: name, language and notification contacts. */
public record CustomerView(String customerId, String name, CustomerLocale locale, List<Contact> contacts) {

    public CustomerView {
        Objects.requireNonNull(customerId, "customerId");
        locale = locale == null ? CustomerLocale.NB : locale;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
