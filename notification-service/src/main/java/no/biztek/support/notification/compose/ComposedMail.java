package no.biztek.support.notification.compose;

import java.util.List;

import no.biztek.support.schemas.common.CustomerLocale;

/** A notification worded and addressed: subject, plain-text and HTML body, recipients. */
public record ComposedMail(CustomerLocale locale, List<Contact> recipients, String subject, String text, String html) {

    public ComposedMail {
        recipients = List.copyOf(recipients);
    }
}
