package no.biztek.support.notification.cause;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.notification.cadence.CadenceIndex;
import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.notification.stage.PipelineMetrics;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.NotificationTemplate;

/** One ticket of one customer, with one vendor escalation, as the rules see them; no Kafka. */
final class Fixtures {

    /** Monday 3 March 2025 08:00 in Oslo: inside the default policy's opening hours (07-16). */
    static final Instant MONDAY_0800 = Instant.parse("2025-03-03T07:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(15);
    static final String TICKET = "t-1";
    static final String CUSTOMER = "c-1";
    static final String ESCALATION = "e-1";
    static final String ESCALATION_KEY = CadenceIndex.escalationKey(TICKET, ESCALATION);
    static final Contact REQUESTER = new Contact("Kari Nordmann", "kari@kunde.no");

    private Fixtures() {
    }

    /** Oslo wall-clock time on Monday 3 March 2025 (UTC+1). */
    static Instant monday(String localTime) {
        return Instant.parse("2025-03-03T" + localTime + ":00+01:00");
    }

    static Instant tuesday(String localTime) {
        return Instant.parse("2025-03-04T" + localTime + ":00+01:00");
    }

    static PipelineSettings settings() {
        return settings(PolicyFile.defaultPolicy());
    }

    /** The clock of these settings is never read by the rules: they are given {@code now}. */
    static PipelineSettings settings(PolicyHistory policies) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new PipelineSettings(new MutableClock(MONDAY_0800), policies, GRACE, Duration.ofDays(90),
                Duration.ofDays(90), Duration.ofSeconds(30), "notification-service", new DeadLetterMetrics(meters),
                new PipelineMetrics(meters));
    }

    static String defaultPolicyId() {
        return settings().policyAt(MONDAY_0800).id();
    }

    static TicketInfo ticket() {
        return new TicketInfo(TICKET, CUSTOMER, "4711", "E-post virker ikke", REQUESTER, MONDAY_0800, false);
    }

    static CustomerView customer(CustomerLocale locale) {
        return new CustomerView(CUSTOMER, "Kunde AS", locale, List.of(new Contact("IT-drift", "drift@kunde.no")));
    }

    static EscalationState escalation(String escalationId, Instant reminderDueAt) {
        return new EscalationState(TICKET, CUSTOMER, escalationId, Vendor.MICROSOFT, "M365", "MS-42",
                VendorCaseStatus.REPORTED, null, MONDAY_0800, defaultPolicyId(), reminderDueAt);
    }

    static EscalationState escalation(Instant reminderDueAt) {
        return escalation(ESCALATION, reminderDueAt);
    }

    static TicketSnapshot snapshot(TicketInfo ticket, CustomerView customer, List<EscalationState> escalations,
                                   List<Waiting> waiting) {
        return TicketSnapshot.of(TICKET, ticket, escalations, waiting, customer);
    }

    /** A notification about the escalation as decided before its ticket was known (named by its ticket id only). */
    static Draft draft(String cause, NotificationTemplate template, Instant issuedAt) {
        return new Draft(Ids.notificationId(cause, template), cause, template, ESCALATION, TICKET, CUSTOMER, TICKET,
                null, null, Vendor.MICROSOFT, "M365", "MS-42", VendorCaseStatus.REPORTED, null, null, MONDAY_0800,
                Duration.ofHours(4), "Europe/Oslo", issuedAt);
    }

    static Waiting waiting(Draft draft, Instant parkedAt, long sequence) {
        return new Waiting(CadenceIndex.escalationKey(draft.ticketId(), draft.notificationId()),
                new ParkedDraft(draft, parkedAt, sequence));
    }
}
