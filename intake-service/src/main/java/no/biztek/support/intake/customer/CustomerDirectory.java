package no.biztek.support.intake.customer;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.intake.config.IntakeProperties;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.common.ContractTerms;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.topic.Topics;

/** The customer directory: written to the compacted customers topic, read back from it. */
@Component
class CustomerDirectory {

    private final CustomerEntries entries;
    private final TopicFollower<Customer> follower;
    private final AcknowledgedPublisher publisher;
    private final Duration lookupTimeout;
    private final Duration retryAfter;
    private final Clock clock;
    private final String producer;

    CustomerDirectory(CustomerEntries entries, TopicFollower<Customer> customerFollower, AcknowledgedPublisher publisher,
                      Clock clock, IntakeProperties properties, @Value("${spring.application.name}") String producer) {
        this.entries = entries;
        this.follower = customerFollower;
        this.lookupTimeout = properties.lookupTimeout();
        this.retryAfter = properties.retryAfter();
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
                .setPlan(request.plan())
                .setPhone(request.phone() == null || request.phone().isBlank() ? null : request.phone().strip())
                .setUpdatedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
                .setProducer(producer)
                .build();
        follower.readBack(publisher.publish(Topics.CUSTOMERS, customerId, customer), lookupTimeout);
        return customer;
    }

    /** The customer, reading the topic up to its end first when this instance does not know it yet. */
    Optional<Customer> find(String customerId) {
        Optional<Customer> known = entries.get(customerId);
        if (known.isPresent()) {
            return known;
        }
        if (!follower.awaitCaughtUp(lookupTimeout)) {
            throw new BrokerUnavailableException("Cannot read the customer directory from Kafka in time; retry later.",
                    retryAfter, null);
        }
        return entries.get(customerId);
    }

    private static ContractTerms terms(CustomerRequest.Contract contract) {
        return ContractTerms.newBuilder()
                .setVendorEscalationIncluded(contract.vendorEscalationIncluded())
                .setBillingIncrementMinutes(contract.billingIncrementMinutes())
                .setHourlyRateNok(contract.hourlyRateNok().setScale(2, RoundingMode.UNNECESSARY))
                .setAfterHoursMultiplier(contract.afterHoursMultiplier().setScale(2, RoundingMode.UNNECESSARY))
                .build();
    }

    /** The latest entry of each customer, from the compacted customers topic (a tombstone forgets it). */
    @Component
    static class CustomerEntries implements TopicFollower.View<Customer> {

        private final Map<String, Customer> customers = new ConcurrentHashMap<>();

        @Override
        public void fold(String customerId, Customer latest) {
            if (latest == null) {
                customers.remove(customerId);
            } else {
                customers.put(customerId, latest);
            }
        }

        Optional<Customer> get(String customerId) {
            return Optional.ofNullable(customers.get(customerId));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FollowerConfiguration {

        @Bean
        TopicFollower<Customer> customerFollower(KafkaProperties kafka, CustomerEntries entries) {
            return new TopicFollower<>(Topics.CUSTOMERS, TopicFollower.consumers(kafka, "intake-customers"),
                    List.of(entries));
        }
    }
}
