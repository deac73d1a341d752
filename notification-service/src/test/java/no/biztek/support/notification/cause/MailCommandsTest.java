package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.MONDAY_0800;
import static no.biztek.support.notification.cause.Fixtures.customer;
import static no.biztek.support.notification.cause.Fixtures.draft;
import static no.biztek.support.notification.cause.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

class MailCommandsTest {

    private final MailCommands commands = new MailCommands(new MailComposer());
    private final Drafts drafts = new Drafts(new Policies(Fixtures.settings()));
    private final Draft draft = drafts.withTicket(draft("cause-1", NotificationTemplate.VENDOR_ESCALATION_OPENED,
            MONDAY_0800), ticket());

    @Test
    void aMailForTheCustomerGoesToTheRequesterAndItsContactsInItsLanguage() {
        NotificationCommand command = commands.of(Outgoing.to(draft, customer(CustomerLocale.EN)));

        assertThat(command.locale()).isEqualTo(CustomerLocale.EN);
        assertThat(command.addresses()).containsExactly("kari@kunde.no", "drift@kunde.no");
        assertThat(command.undeliverable()).isNull();
        assertThat(command.notificationId()).isEqualTo(draft.notificationId());
        assertThat(command.issuedAt()).isEqualTo(MONDAY_0800);
    }

    @Test
    void withoutItsCustomerTheMailGoesToTheRequesterOnlyInBokmal() {
        NotificationCommand command = commands.of(Outgoing.to(draft, null));

        assertThat(command.locale()).isEqualTo(CustomerLocale.NB);
        assertThat(command.addresses()).containsExactly("kari@kunde.no");
    }

    @Test
    void aMailWithoutAnyRecipientIsStillACommandMarkedUndeliverable() {
        Draft noRequester = draft.withTicket(Fixtures.CUSTOMER, "4711", "E-post virker ikke", new Contact("Kari", ""));
        CustomerView noContacts = new CustomerView(Fixtures.CUSTOMER, "Kunde AS", CustomerLocale.NB, List.of());

        assertThat(commands.of(Outgoing.to(noRequester, noContacts)).undeliverable())
                .isEqualTo("no recipients: the ticket's requester has no e-mail address and customer c-1 has no"
                        + " notification contacts");
        NotificationCommand unknownCustomer = commands.of(Outgoing.to(noRequester, null));
        assertThat(unknownCustomer.recipients()).isEmpty();
        assertThat(unknownCustomer.undeliverable()).endsWith("customer c-1 is not in the directory");
    }

    @Test
    void aWithheldMailGoesToNobodyWithItsReason() {
        NotificationCommand command = commands.of(Outgoing.withheld(draft, "ticket unknown: t-1"));

        assertThat(command.recipients()).as("not even the requester").isEmpty();
        assertThat(command.undeliverable()).isEqualTo("ticket unknown: t-1");
        assertThat(command.locale()).isEqualTo(CustomerLocale.NB);
    }
}
