package no.biztek.support.intake.customer;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import no.biztek.support.intake.mirror.MirrorConsumers;
import no.biztek.support.intake.mirror.TopicMirror;
import no.biztek.support.intake.publish.EventPublisher;
import no.biztek.support.schemas.common.ContractTerms;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.topic.Topics;

/** The customer directory: written to the compacted customers topic, read back from it. */
@Component
class CustomerDirectory {

    private final TopicMirror<Customer, Customer> mirror;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String producer;

    CustomerDirectory(TopicMirror<Customer, Customer> customerMirror, EventPublisher publisher, Clock clock,
                      @Value("${spring.application.name}") String producer) {
        this.mirror = customerMirror;
        this.publisher = publisher;
        this.clock = clock;
        this.producer = producer;
    }

    Customer save(String customerId, CustomerRequest request) {
        Customer customer = Customer.newBuilder()
                .setCustomerId(customerId)
                .setName(request.name().trim())
                .setLocale(CustomerLocale.valueOf(request.locale().name()))
                .setNotificationContacts(request.notificationContacts().stream()
                        .map(c -> Person.newBuilder().setName(c.name().trim()).setEmail(c.email().trim()).build())
                        .toList())
                .setContract(request.contract() == null ? null : terms(request.contract()))
                .setUpdatedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
                .setProducer(producer)
                .build();
        long offset = publisher.publish(Topics.CUSTOMERS, customerId, customer);
        mirror.apply(customerId, customer, offset);
        return customer;
    }

    Optional<Customer> find(String customerId) {
        return mirror.get(customerId);
    }

    private static ContractTerms terms(CustomerRequest.Contract contract) {
        return ContractTerms.newBuilder()
                .setVendorEscalationIncluded(contract.vendorEscalationIncluded())
                .setBillingIncrementMinutes(contract.billingIncrementMinutes())
                .setHourlyRateNok(contract.hourlyRateNok().setScale(2, RoundingMode.UNNECESSARY))
                .setAfterHoursMultiplier(contract.afterHoursMultiplier().setScale(2, RoundingMode.UNNECESSARY))
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    static class MirrorConfiguration {

        @Bean
        TopicMirror<Customer, Customer> customerMirror(KafkaProperties kafka) {
            // latest value per customer; a tombstone (null) forgets it
            return new TopicMirror<>(Topics.CUSTOMERS, MirrorConsumers.from(kafka, "intake-customers"),
                    (current, latest) -> latest);
        }
    }
}
