package no.biztek.support.escalation.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.billing.BillingCalculator;

/** Vendor status event ids: the same change always the same id, different changes never the same id. */
class StatusEventIdTest {

    private static final String ESCALATION = "esc-1";
    private static final String OPENED = Ids.eventId(ESCALATION, "opened");

    @Test
    void twoDifferentChangesAfterTheSameStateGetDifferentIds() {
        // two instances (or one with a view that has not read the other's change yet) both see one change so far
        String first = VendorEscalations.statusEventId(ESCALATION, OPENED, "INVESTIGATING", "Looking at mail flow");
        String second = VendorEscalations.statusEventId(ESCALATION, OPENED, "FIX_IN_PROGRESS", "Patch rolling out");
        String sameStatusOtherMessage = VendorEscalations.statusEventId(ESCALATION, OPENED, "INVESTIGATING",
                "Looking at the tenant");

        assertThat(List.of(first, second, sameStatusOtherMessage)).doesNotHaveDuplicates();
    }

    @Test
    void theSameChangeRetriedGetsTheSameIdAndTheSameContentLaterAnother() {
        String first = VendorEscalations.statusEventId(ESCALATION, OPENED, "INVESTIGATING", "Looking at mail flow");
        assertThat(VendorEscalations.statusEventId(ESCALATION, OPENED, "INVESTIGATING", "Looking at mail flow"))
                .isEqualTo(first);

        String monitoring = VendorEscalations.statusEventId(ESCALATION, first, "MONITORING", "Fixed");
        String againInvestigating = VendorEscalations.statusEventId(ESCALATION, monitoring, "INVESTIGATING",
                "Looking at mail flow");
        assertThat(againInvestigating).isNotEqualTo(first);
        assertThat(VendorEscalations.statusEventId("esc-2", OPENED, "INVESTIGATING", "Looking at mail flow"))
                .isNotEqualTo(first);
    }

    @Test
    void theEscalationsWorkedMinutesFollowTheBillingRule() {
        Instant start = Instant.parse("2026-03-02T08:00:00Z");
        var entries = List.of(
                new VendorEscalationBook.TimeEntry("e1", "Kari", start, start.plusSeconds(61), null, start),
                new VendorEscalationBook.TimeEntry("e2", "Ola", start, start.plusSeconds(3_600), null, start));
        var escalation = new VendorEscalationBook.Escalation(ESCALATION, "t", "c", null, null, "1", "Kari", start,
                "REPORTED", List.of(), entries, false, null, null, null);

        assertThat(escalation.workedMinutes()).isEqualTo(2 + 60)
                .isEqualTo(BillingCalculator.workedMinutes(start, start.plusSeconds(61))
                        + BillingCalculator.workedMinutes(start, start.plusSeconds(3_600)));
    }
}
