package no.biztek.support.notification.customer;

import static no.biztek.support.notification.Events.customer;
import static no.biztek.support.notification.Events.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.topic.Topics;

/** What the directory takes from a customers record, and which records are dead-lettered. */
class CustomerRecordsTest {

    private static byte[] encode(String customerId, CustomerLocale locale) {
        return Topics.CUSTOMERS.valueSerde().serializer().serialize(Topics.CUSTOMERS.name(), customer(customerId,
                "Kunde AS", locale, List.of(person("IT-drift", "drift@kunde.no")), Instant.now()));
    }

    @Test
    void aValidRecordGivesTheCustomersLanguageAndContacts() {
        CustomerView view = CustomerRecords.read("c-1", encode("c-1", CustomerLocale.EN));

        assertThat(view.locale()).isEqualTo(CustomerLocale.EN);
        assertThat(view.name()).isEqualTo("Kunde AS");
        assertThat(view.contacts()).extracting(Contact::email).containsExactly("drift@kunde.no");
    }

    @Test
    void aTombstoneRemovesTheCustomer() {
        assertThat(CustomerRecords.read("c-1", null)).isNull();
    }

    @Test
    void invalidRecordsAreRefused() {
        assertThatThrownBy(() -> CustomerRecords.read("c-2", encode("c-1", CustomerLocale.NB)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match customerId");
        assertThatThrownBy(() -> CustomerRecords.read(null, encode("c-1", CustomerLocale.NB)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerRecords.read("c-1", "garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
