package no.biztek.support.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.billing.TermsSource;
import no.biztek.support.schemas.board.BoardLink;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.ContractTerms;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.escalation.ReEscalationReason;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;
import no.biztek.support.schemas.oncall.CalendarFeed;
import no.biztek.support.schemas.oncall.HandoverClaimed;
import no.biztek.support.schemas.oncall.OnCallEngineer;
import no.biztek.support.schemas.oncall.OnCallOverride;
import no.biztek.support.schemas.oncall.OnCallRotation;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.report.SlaReportClaimed;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.report.SlaReportSnapshot;
import no.biztek.support.schemas.oncall.OverrideKind;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.sla.ClockStopReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaDeadlineChanged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;

/** One fully populated sample of every event type, per topic. */
public final class SampleEvents {

    public static final Instant OPENED = Instant.parse("2026-03-02T08:15:30.123Z");
    public static final Instant DUE = Instant.parse("2026-03-02T09:15:30.123Z");

    private SampleEvents() {
    }

    public static List<TicketEvent> ticketEvents() {
        return List.of(
                ticket(TicketOpened.newBuilder().setSource("zendesk").setExternalId("48213")
                        .setSeverity(Severity.CRITICAL).setTitle("E-post nede").setDescription("Ingen får sendt e-post")
                        .setRequester(person("Kari Nordmann", "kari@kunde.no")).setChannel(Channel.ZENDESK)
                        .setVendor(Vendor.MICROSOFT).setVendorService("M365").setOpenedAt(OPENED)
                        .setPlan("around-the-clock").build()),
                ticket(TicketOpened.newBuilder().setSource("phone").setExternalId("p-1")
                        .setSeverity(Severity.LESS_SERIOUS).setTitle("Printer").setDescription("")
                        .setRequester(person("Ola", "ola@kunde.no")).setChannel(Channel.PHONE)
                        .setOpenedAt(OPENED).build()),
                ticket(FirstResponseRecorded.newBuilder().setConsultant("per@biztek.no").setRespondedAt(DUE).build()),
                ticket(SeverityChanged.newBuilder().setSeverity(Severity.SERIOUS)
                        .setReason(SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE).setNote("no admin access")
                        .setChangedAt(DUE).setReasonCode("CUSTOMER_RESOURCES_UNAVAILABLE").build()),
                ticket(SeverityChanged.newBuilder().setSeverity(Severity.LESS_SERIOUS)
                        .setReason(SeverityChangeReason.OTHER).setNote(null).setChangedAt(DUE)
                        .setReasonCode("CUSTOMER_ON_HOLIDAY").build()),
                ticket(TicketHeld.newBuilder().setReason("WAITING_ON_CUSTOMER").setHeldAt(DUE).build()),
                ticket(TicketResumed.newBuilder().setResumedAt(DUE).build()),
                ticket(TicketResolved.newBuilder().setResolvedAt(DUE).build()),
                ticket(TicketReopened.newBuilder().setReopenedAt(DUE).setNote(null).build()));
    }

    public static List<SlaEvent> slaEvents() {
        return List.of(
                sla(SlaClockStarted.newBuilder().setTargetMinutes(60).setPagesAroundTheClock(true).build()),
                sla(SlaDeadlineChanged.newBuilder().setPreviousSeverity(Severity.CRITICAL).setPreviousDueAt(OPENED)
                        .setTargetMinutes(240).setReason(SeverityChangeReason.CUSTOMER_ANSWERS_MISSING)
                        .setReasonCode("CUSTOMER_ANSWERS_MISSING").build()),
                sla(SlaWarning.newBuilder().setThresholdPercent(75).setBusinessMinutesElapsed(45).setTargetMinutes(60)
                        .build()),
                sla(SlaBreached.newBuilder().setTargetMinutes(60).build()),
                sla(SlaMet.newBuilder().setRespondedAt(DUE).setConsultant("per@biztek.no").setBusinessMinutesUsed(59)
                        .setTargetMinutes(60).build()),
                sla(SlaClockStopped.newBuilder().setReason(ClockStopReason.RESOLVED_WITHOUT_RESPONSE)
                        .setBusinessMinutesElapsed(12).build()),
                sla(SlaCorrected.newBuilder().setSupersededEventId("evt-SlaBreached")
                        .setKind(SlaCorrectionKind.BREACH_WITHDRAWN).setState(SlaClockState.MET)
                        .setCauseEventId("evt-FirstResponseRecorded").setRespondedAt(DUE.minusSeconds(60))
                        .setBusinessMinutesUsed(59).build()),
                sla(SlaClockPaused.newBuilder().setReason("WAITING_ON_CUSTOMER").setBusinessMinutesElapsed(20).build()),
                sla(SlaClockResumed.newBuilder().setReason("WAITING_ON_CUSTOMER").setBusinessMinutesElapsed(20)
                        .build()));
    }

    public static List<EscalationEvent> escalationEvents() {
        return List.of(
                escalation(OnCallPaged.newBuilder().setPageId("page-1").setCause(PageCause.CRITICAL_TICKET_OPENED)
                        .setSeverity(Severity.CRITICAL).setLevel(1).setLevelName("on-call engineer").setRound(1)
                        .setPaged(person("Vakt Vaktesen", "vakt@biztek.no")).setAcknowledgeBy(DUE).build()),
                escalation(PageAcknowledged.newBuilder().setPageId("page-1").setAcknowledgedBy("vakt@biztek.no")
                        .setLevel(1).setVia(AcknowledgementChannel.LINK).build()),
                escalation(PageReEscalated.newBuilder().setPageId("page-1")
                        .setReason(ReEscalationReason.ACKNOWLEDGEMENT_TIMEOUT).setFromLevel(1).setLevel(2)
                        .setLevelName("secondary").setRound(1).setPaged(person("Sekundær", "sek@biztek.no"))
                        .setAcknowledgeBy(DUE).build()),
                escalation(VendorEscalationOpened.newBuilder().setEscalationId("esc-1").setVendor(Vendor.MICROSOFT)
                        .setVendorService("AZURE").setVendorCaseReference("2603020040001234").setOpenedBy("per")
                        .build()),
                escalation(VendorStatusChanged.newBuilder().setEscalationId("esc-1").setVendor(Vendor.MICROSOFT)
                        .setVendorCaseReference("2603020040001234").setStatus(VendorCaseStatus.INVESTIGATING)
                        .setMessage("Engineer assigned").build()),
                escalation(VendorEscalationClosed.newBuilder().setEscalationId("esc-1").setVendor(Vendor.MICROSOFT)
                        .setVendorCaseReference("2603020040001234").setClosedBy("per").setResolution("Fixed")
                        .build()),
                escalation(TimeEntryRecorded.newBuilder().setEscalationId("esc-1").setEntryId("te-1")
                        .setVendor(Vendor.MICROSOFT).setConsultant("per").setStartedAt(OPENED).setEndedAt(DUE)
                        .setNote("call with Microsoft").build()),
                escalation(PageClosed.newBuilder().setPageId("page-1").setReason(PageCloseReason.CAUSE_WITHDRAWN)
                        .setExplanation("breach withdrawn: first response recorded at 09:55")
                        .setPagedPeople(List.of(person("Vakt Vaktesen", "vakt@biztek.no")))
                        .setSupersededEventId("evt-SlaBreached").build()));
    }

    public static List<BillingEvent> billingEvents() {
        return List.of(BillingEvent.newBuilder().setEventId("evt-b1").setTicketId("t-1").setCustomerId("c-1")
                .setOccurredAt(DUE).setProducer("escalation-service")
                .setPayload(BillableTimeRecorded.newBuilder().setEscalationId("esc-1").setEntryId("te-1")
                        .setVendor(Vendor.MICROSOFT).setConsultant("per").setStartedAt(OPENED).setEndedAt(DUE)
                        .setWorkedMinutes(60).setBilledMinutes(60).setAfterHoursMinutes(0)
                        .setAmountNok(new BigDecimal("1250.00")).setTerms(contract())
                        .setTermsSource(TermsSource.POLICY_DEFAULT).setPolicyVersion("biztek-2020").build())
                .build());
    }

    public static List<NotificationEvent> notificationEvents() {
        return List.of(
                notification(CustomerNotified.newBuilder().setNotificationId("n-1").setCauseEventId("evt-e1")
                        .setTemplate(NotificationTemplate.VENDOR_ESCALATION_OPENED).setLocale(CustomerLocale.NB)
                        .setRecipients(List.of("kari@kunde.no", "it@kunde.no")).setSubject("Sak t-1").build()),
                notification(CustomerNotificationFailed.newBuilder().setNotificationId("n-2").setCauseEventId("evt-e2")
                        .setTemplate(NotificationTemplate.VENDOR_STATUS_CHANGED)
                        .setRecipients(List.of("ugyldig@kunde.no")).setReason("550 mailbox unavailable")
                        .setPermanent(true).build()));
    }

    public static List<Customer> customers() {
        return List.of(
                Customer.newBuilder().setCustomerId("c-1").setName("Kunde AS").setLocale(CustomerLocale.NB)
                        .setNotificationContacts(List.of(person("IT", "it@kunde.no"))).setContract(contract())
                        .setUpdatedAt(OPENED).setProducer("intake-service").setPlan("around-the-clock")
                        .setPhone("+47 22 00 00 00").build(),
                Customer.newBuilder().setCustomerId("c-2").setName("Customer Ltd").setLocale(CustomerLocale.EN)
                        .setNotificationContacts(List.of()).setContract(null).setUpdatedAt(OPENED)
                        .setProducer("intake-service").build());
    }

    /** One entry of every payload type of the on-call schedule topic. */
    public static List<BoardLink> boardLinks() {
        BoardLink issued = BoardLink.newBuilder().setLinkId("l-1").setName("Desk wall screen").setIssuedBy("desk")
                .setIssuedAt(OPENED).setExpiresAt(DUE).setProducer("escalation-service").build();
        return List.of(issued, BoardLink.newBuilder(issued).setRevokedAt(DUE).setRevokedBy("desk").build());
    }

    public static List<OnCallScheduleEntry> onCallSchedule() {
        OnCallEngineer kari = OnCallEngineer.newBuilder().setName("Kari").setEmail("kari@biztek.example")
                .setWebhook("https://hooks.example/kari").build();
        OnCallEngineer ola = OnCallEngineer.newBuilder().setName("Ola").setEmail("ola@biztek.example").build();
        return List.of(
                schedule(OnCallRotation.newBuilder().setZone("Europe/Oslo").setHandoverDay("MONDAY")
                        .setHandoverTime("09:00").setRotationStart(java.time.LocalDate.of(2026, 1, 5))
                        .setEngineers(List.of(kari, ola)).build()),
                schedule(OnCallOverride.newBuilder().setOverrideId("o-1").setKind(OverrideKind.SWAP)
                        .setRotationOffset(0).setFrom(OPENED).setTo(DUE).setEngineer(ola)
                        .setReplaces("kari@biztek.example").setNote("swap").build()),
                schedule(CalendarFeed.newBuilder().setEmail("kari@biztek.example").setGeneration(2).build()),
                schedule(HandoverClaimed.newBuilder().setHandoverAt(OPENED).setEmail("ola@biztek.example")
                        .setInstance("escalation-1").build()));
    }

    /** A claim and a snapshot of the monthly SLA reports topic. */
    public static List<SlaReportEntry> slaReports() {
        return List.of(report(SlaReportClaimed.newBuilder().setInstance("escalation-1").build()),
                report(SlaReportSnapshot.newBuilder().setClosedAt(DUE).setFormatVersion(1)
                        .setDocument("{\"customerId\":\"kunde-1\"}").build()));
    }

    private static SlaReportEntry report(Object payload) {
        return SlaReportEntry.newBuilder().setCustomerId("kunde-1").setMonth("2026-03").setWrittenAt(OPENED)
                .setProducer("escalation-service").setPayload(payload).build();
    }

    private static OnCallScheduleEntry schedule(Object payload) {
        return OnCallScheduleEntry.newBuilder().setUpdatedAt(OPENED).setUpdatedBy("configuration")
                .setProducer("escalation-service").setPayload(payload).build();
    }

    public static ContractTerms contract() {
        return ContractTerms.newBuilder().setVendorEscalationIncluded(false).setBillingIncrementMinutes(60)
                .setHourlyRateNok(new BigDecimal("1250.00")).setAfterHoursMultiplier(new BigDecimal("1.50")).build();
    }

    private static Person person(String name, String email) {
        return Person.newBuilder().setName(name).setEmail(email).build();
    }

    private static TicketEvent ticket(Object payload) {
        return TicketEvent.newBuilder().setEventId("evt-" + payload.getClass().getSimpleName()).setTicketId("t-1")
                .setCustomerId("c-1").setOccurredAt(OPENED).setProducer("intake-service").setPayload(payload)
                .setSequence(3).build();
    }

    private static SlaEvent sla(Object payload) {
        return SlaEvent.newBuilder().setEventId("evt-" + payload.getClass().getSimpleName()).setTicketId("t-1")
                .setCustomerId("c-1").setOccurredAt(DUE).setProducer("sla-timer-service")
                .setSeverity(Severity.CRITICAL).setPolicyVersion("biztek-2020").setOpenedAt(OPENED).setDueAt(DUE)
                .setMetric("first-response").setPlan("default").setPayload(payload).build();
    }

    private static EscalationEvent escalation(Object payload) {
        return EscalationEvent.newBuilder().setEventId("evt-" + payload.getClass().getSimpleName()).setTicketId("t-1")
                .setCustomerId("c-1").setOccurredAt(DUE).setProducer("escalation-service").setPayload(payload).build();
    }

    private static NotificationEvent notification(Object payload) {
        return NotificationEvent.newBuilder().setEventId("evt-" + payload.getClass().getSimpleName())
                .setTicketId("t-1").setCustomerId("c-1").setOccurredAt(DUE).setProducer("notification-service")
                .setPayload(payload).build();
    }
}
