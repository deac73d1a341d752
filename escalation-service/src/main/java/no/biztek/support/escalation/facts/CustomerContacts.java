package no.biztek.support.escalation.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.customer.Customer;

/**
 * Whom a person paged at night calls: every customer's display name and phone, from the compacted
 * {@code support.customers.v1} (a tombstone removes the customer). As small as the customer directory.
 */
@Component
public class CustomerContacts implements TopicFollower.View<Customer> {

    /** @param phone null when the directory has none */
    record Contact(String name, String phone) {
    }

    private final Map<String, Contact> contacts = new HashMap<>();

    @Override
    public synchronized void fold(String customerId, Customer customer) {
        if (customer == null) {
            contacts.remove(customerId);
        } else {
            contacts.put(customerId, new Contact(customer.getName(), customer.getPhone()));
        }
    }

    /** The customer's display name, when the directory knows the customer. */
    public synchronized Optional<String> name(String customerId) {
        return Optional.ofNullable(contacts.get(customerId)).map(Contact::name);
    }

    synchronized Optional<Contact> find(String customerId) {
        return Optional.ofNullable(contacts.get(customerId));
    }
}
