package no.biztek.support.escalation.billing;

import static no.biztek.support.escalation.TestEvents.contract;
import static no.biztek.support.escalation.TestEvents.customer;
import static no.biztek.support.escalation.TestEvents.newId;
import static no.biztek.support.escalation.TestEvents.timeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.paging.TestPaging;
import no.biztek.support.escalation.streams.TopologyHarness;
import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.billing.TermsSource;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/**
 * Every billing rule through the topology: time entries on the escalation topic, customers from the
 * compacted customers topic, billing events out. Default terms (policy biztek-2020-01): started hour,
 * 1250.00 NOK, 1.5 after hours; opening hours Monday–Friday 07:00–16:00 Europe/Oslo.
 */
class BillingTopologyTest {

    private final List<String> billedVendors = new ArrayList<>();
    private TopologyHarness harness;
    private TestInputTopic<String, EscalationEvent> escalations;
    private TestInputTopic<String, Customer> customers;
    private TestOutputTopic<String, BillingEvent> billing;
    private final String ticket = newId();
    private final String escalation = newId();
    private final String customerId = "kunde-" + newId();

    @BeforeEach
    void start() {
        harness = new TopologyHarness(TestPaging.properties(), Instant.parse("2026-03-01T00:00:00Z"),
                no.biztek.support.escalation.paging.PagingMetrics.NONE,
                (vendor, minutes) -> billedVendors.add(vendor + ":" + minutes));
        escalations = harness.input(Topics.ESCALATION_EVENTS);
        customers = harness.input(Topics.CUSTOMERS);
        billing = harness.output(Topics.BILLING);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private BillableTimeRecorded bill(String from, String to) {
        EscalationEvent entry = timeEntry(ticket, customerId, escalation, Vendor.MICROSOFT, "Kari",
                oslo(from), oslo(to));
        escalations.pipeInput(ticket, entry);
        TestRecord<String, BillingEvent> record = billing.readRecord();
        assertThat(record.key()).as("billing is keyed by customer").isEqualTo(customerId);
        assertThat(record.value().getCustomerId()).isEqualTo(customerId);
        assertThat(record.value().getTicketId()).isEqualTo(ticket);
        assertThat(record.value().getProducer()).isEqualTo("escalation-service");
        assertThat(billing.isEmpty()).isTrue();
        BillableTimeRecorded line = (BillableTimeRecorded) record.value().getPayload();
        assertThat(line.getEntryId()).isEqualTo(((no.biztek.support.schemas.escalation.TimeEntryRecorded)
                entry.getPayload()).getEntryId());
        return line;
    }

    private static Instant oslo(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Europe/Oslo")).toInstant();
    }

    @Test
    void defaultTermsRoundUpToTheStartedHourAndNameThePolicy() {
        BillableTimeRecorded line = bill("2026-03-03T09:00", "2026-03-03T09:20");

        assertThat(line.getWorkedMinutes()).isEqualTo(20);
        assertThat(line.getBilledMinutes()).isEqualTo(60);
        assertThat(line.getAfterHoursMinutes()).isZero();
        assertThat(line.getAmountNok()).isEqualByComparingTo("1250.00");
        assertThat(line.getAmountNok().scale()).isEqualTo(2);
        assertThat(line.getTermsSource()).isEqualTo(TermsSource.POLICY_DEFAULT);
        assertThat(line.getPolicyVersion()).isEqualTo("biztek-2020-01");
        assertThat(line.getTerms().getBillingIncrementMinutes()).isEqualTo(60);
        assertThat(line.getTerms().getHourlyRateNok()).isEqualByComparingTo("1250.00");
        assertThat(line.getTerms().getAfterHoursMultiplier()).isEqualByComparingTo("1.50");
        assertThat(line.getTerms().getVendorEscalationIncluded()).isFalse();
        assertThat(line.getVendor()).isEqualTo(Vendor.MICROSOFT);
        assertThat(line.getConsultant()).isEqualTo("Kari");
        assertThat(billedVendors).containsExactly("MICROSOFT:60");
    }

    @Test
    void aMinuteIntoTheNextHourBillsTheNextHour() {
        BillableTimeRecorded line = bill("2026-03-03T09:00", "2026-03-03T10:01");

        assertThat(line.getWorkedMinutes()).isEqualTo(61);
        assertThat(line.getBilledMinutes()).isEqualTo(120);
        assertThat(line.getAmountNok()).isEqualByComparingTo("2500.00");
    }

    @Test
    void anExactHourIsOneHourAndAStartedMinuteCounts() {
        assertThat(bill("2026-03-03T09:00", "2026-03-03T10:00").getBilledMinutes()).isEqualTo(60);
        BillableTimeRecorded seconds = bill("2026-03-03T11:00", "2026-03-03T11:00:30");
        assertThat(seconds.getWorkedMinutes()).isEqualTo(1);
        assertThat(seconds.getBilledMinutes()).isEqualTo(60);
    }

    @Test
    void anEntryAcrossClosingTimeChargesTheMultiplierOnTheMinutesAfterFour() {
        BillableTimeRecorded line = bill("2026-03-03T15:30", "2026-03-03T16:30");

        assertThat(line.getBilledMinutes()).isEqualTo(60);
        assertThat(line.getAfterHoursMinutes()).isEqualTo(30);
        // 1250 × 0.5 h + 1250 × 1.5 × 0.5 h
        assertThat(line.getAmountNok()).isEqualByComparingTo("1562.50");
    }

    @Test
    void roundingUpMinutesAreSplitLikeTheWorkedMinutes() {
        // worked 15:00–16:10 (60 min in opening hours, 10 after), billed 120: 120 × 10 / 70 = 17.14 → 17 after hours
        BillableTimeRecorded line = bill("2026-03-03T15:00", "2026-03-03T16:10");

        assertThat(line.getWorkedMinutes()).isEqualTo(70);
        assertThat(line.getBilledMinutes()).isEqualTo(120);
        assertThat(line.getAfterHoursMinutes()).isEqualTo(17);
        // 1250 × (103 + 1.5 × 17) / 60
        assertThat(line.getAmountNok()).isEqualByComparingTo("2677.08");
    }

    @Test
    void anEntryAcrossOpeningTimeChargesTheMinutesBeforeSeven() {
        // worked 30 min before 07:00 and 10 after: 60 × 30 / 40 = 45 billed minutes after hours
        BillableTimeRecorded line = bill("2026-03-03T06:30", "2026-03-03T07:10");

        assertThat(line.getBilledMinutes()).isEqualTo(60);
        assertThat(line.getAfterHoursMinutes()).isEqualTo(45);
        assertThat(line.getAmountNok()).isEqualByComparingTo("1718.75");
    }

    @Test
    void nightTimeIsAfterHours() {
        BillableTimeRecorded line = bill("2026-03-03T02:00", "2026-03-03T02:20");

        assertThat(line.getAfterHoursMinutes()).isEqualTo(60);
        assertThat(line.getAmountNok()).isEqualByComparingTo("1875.00");
    }

    @Test
    void aWeekendIsAfterHoursAllDay() {
        BillableTimeRecorded line = bill("2026-03-07T10:00", "2026-03-07T11:30");

        assertThat(line.getBilledMinutes()).isEqualTo(120);
        assertThat(line.getAfterHoursMinutes()).isEqualTo(120);
        assertThat(line.getAmountNok()).isEqualByComparingTo("3750.00");
    }

    @Test
    void aPublicHolidayOnAWeekdayIsAfterHoursAllDay() {
        // Ascension Day 2026 (Easter + 39) is Thursday 14 May; 1 May 2026 is a Friday
        BillableTimeRecorded ascension = bill("2026-05-14T10:00", "2026-05-14T10:45");
        assertThat(ascension.getAfterHoursMinutes()).isEqualTo(60);
        assertThat(ascension.getAmountNok()).isEqualByComparingTo("1875.00");

        BillableTimeRecorded mayDay = bill("2026-05-01T09:00", "2026-05-01T11:00");
        assertThat(mayDay.getAfterHoursMinutes()).isEqualTo(120);
        assertThat(mayDay.getAmountNok()).isEqualByComparingTo("3750.00");
    }

    @Test
    void anIncludedContractRecordsTheMinutesAndBillsZero() {
        customers.pipeInput(customerId, customer(customerId, contract(true, 60, "1500.00", "2.00")));

        BillableTimeRecorded line = bill("2026-03-07T10:00", "2026-03-07T11:30");

        assertThat(line.getWorkedMinutes()).isEqualTo(90);
        assertThat(line.getBilledMinutes()).isEqualTo(120);
        assertThat(line.getAfterHoursMinutes()).isEqualTo(120);
        assertThat(line.getAmountNok()).isEqualByComparingTo("0.00");
        assertThat(line.getAmountNok().scale()).isEqualTo(2);
        assertThat(line.getTermsSource()).isEqualTo(TermsSource.CUSTOMER_CONTRACT);
        assertThat(line.getTerms().getVendorEscalationIncluded()).isTrue();
        assertThat(line.getPolicyVersion()).isEqualTo("biztek-2020-01");
    }

    @Test
    void aCustomIncrementAndRateFromTheContract() {
        customers.pipeInput(customerId, customer(customerId, contract(false, 15, "1000.00", "2.00")));

        BillableTimeRecorded inHours = bill("2026-03-03T09:00", "2026-03-03T09:20");
        assertThat(inHours.getBilledMinutes()).isEqualTo(30);
        assertThat(inHours.getAmountNok()).isEqualByComparingTo("500.00");
        assertThat(inHours.getTermsSource()).isEqualTo(TermsSource.CUSTOMER_CONTRACT);
        assertThat(inHours.getTerms().getBillingIncrementMinutes()).isEqualTo(15);

        // 15:50–16:20: 10 min in hours, 20 after: 1000 × (10 + 2 × 20) / 60 = 833.333… → 833.33
        BillableTimeRecorded acrossClosing = bill("2026-03-03T15:50", "2026-03-03T16:20");
        assertThat(acrossClosing.getBilledMinutes()).isEqualTo(30);
        assertThat(acrossClosing.getAfterHoursMinutes()).isEqualTo(20);
        assertThat(acrossClosing.getAmountNok()).isEqualByComparingTo("833.33");
    }

    @Test
    void aCustomerWithoutAContractAndARemovedCustomerGetThePolicyDefault() {
        customers.pipeInput(customerId, customer(customerId, null));
        assertThat(bill("2026-03-03T09:00", "2026-03-03T09:20").getTermsSource()).isEqualTo(TermsSource.POLICY_DEFAULT);

        customers.pipeInput(customerId, customer(customerId, contract(true, 60, "0.00", "1.00")));
        assertThat(bill("2026-03-03T10:00", "2026-03-03T10:20").getTermsSource())
                .isEqualTo(TermsSource.CUSTOMER_CONTRACT);

        customers.pipeInput(customerId, (Customer) null);
        BillableTimeRecorded afterRemoval = bill("2026-03-03T11:00", "2026-03-03T11:20");
        assertThat(afterRemoval.getTermsSource()).isEqualTo(TermsSource.POLICY_DEFAULT);
        assertThat(afterRemoval.getAmountNok()).isEqualByComparingTo(new BigDecimal("1250.00"));
    }

    @Test
    void poisonAndInvalidCustomersGoToTheDeadLetterTopicAndTheLastGoodContractStays() {
        TestOutputTopic<String, byte[]> dlt = harness.deadLetters(Topics.CUSTOMERS);
        customers.pipeInput(customerId, customer(customerId, contract(false, 30, "1000.00", "1.00")));
        harness.rawInput(Topics.CUSTOMERS).pipeInput(customerId, "garbage".getBytes(StandardCharsets.UTF_8));
        customers.pipeInput(customerId, customer(customerId, contract(false, 0, "1000.00", "1.00")));

        List<TestRecord<String, byte[]>> dead = dlt.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(1), DeadLetterHeaders.REASON)).contains("billingIncrementMinutes must be at least 1");
        BillableTimeRecorded line = bill("2026-03-03T09:00", "2026-03-03T09:20");
        assertThat(line.getBilledMinutes()).isEqualTo(30);
        assertThat(line.getAmountNok()).isEqualByComparingTo("500.00");
    }

    @Test
    void aTimeEntryThatDoesNotEndAfterItStartsIsDeadLettered() {
        TestOutputTopic<String, byte[]> dlt = harness.deadLetters(Topics.ESCALATION_EVENTS);
        escalations.pipeInput(ticket, timeEntry(ticket, customerId, escalation, Vendor.MICROSOFT, "Kari",
                oslo("2026-03-03T10:00"), oslo("2026-03-03T09:00")));

        assertThat(header(dlt.readRecord(), DeadLetterHeaders.REASON)).contains("does not end after it starts");
        assertThat(billing.isEmpty()).isTrue();
    }

    @Test
    void theSameEntryAgainGivesTheSameBillingEventId() {
        EscalationEvent entry = timeEntry(ticket, customerId, escalation, Vendor.ZENDESK, "Ola",
                OffsetDateTime.parse("2026-03-03T09:00:00+01:00").toInstant(),
                OffsetDateTime.parse("2026-03-03T09:30:00+01:00").toInstant());
        escalations.pipeInput(ticket, entry);
        escalations.pipeInput(ticket, entry);

        List<BillingEvent> events = TopologyHarness.values(billing);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getEventId()).isEqualTo(events.get(1).getEventId());
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
