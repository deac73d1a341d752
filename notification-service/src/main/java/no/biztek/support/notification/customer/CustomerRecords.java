package no.biztek.support.notification.customer;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.topic.Topics;

/**
 * Reads a record of the customers topic: the directory entry it holds, null for a tombstone, or an exception
 * for a record that is not a valid entry (undecodable bytes, no key, a key that is not its customerId).
 */
final class CustomerRecords {

    private CustomerRecords() {
    }

    /**
     * @return the customer's entry, or null when the record removes the customer (tombstone)
     * @throws SerializationException   when the value cannot be decoded
     * @throws IllegalArgumentException when the record is not a valid directory entry
     */
    static CustomerView read(String key, byte[] value) {
        if (key == null) {
            throw new IllegalArgumentException("customer record without a key");
        }
        if (value == null) {
            return null;
        }
        Customer customer = Topics.CUSTOMERS.valueSerde().deserializer().deserialize(Topics.CUSTOMERS.name(), value);
        if (customer == null) {
            throw new IllegalArgumentException("customer record without a value");
        }
        if (!key.equals(customer.getCustomerId())) {
            throw new IllegalArgumentException("record key '" + key + "' does not match customerId '"
                    + customer.getCustomerId() + "'");
        }
        List<Contact> contacts = customer.getNotificationContacts().stream()
                .filter(person -> person.getEmail() != null)
                .map(person -> new Contact(person.getName(), person.getEmail())).toList();
        return new CustomerView(key, customer.getName(), customer.getLocale(), contacts);
    }
}
