package no.biztek.support.escalation.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.calendar.BusinessCalendar;

/**
 * The business calendars of the clocks on the board and their open intervals for a window of days: a clock counts in
 * {@code PlanCatalogue.versionById(policyVersion).terms(severity).calendar()} (an unknown version: its plan's version
 * in force now, else the default plan's). Calendars are named {@code c1, c2, ...} in the order first asked for, so
 * clocks sharing a calendar share its intervals. The window runs from {@code pastDays} before today (in the zone) to
 * {@code futureDays} after it; a new day starts a new window. Not thread-safe: its owner synchronises.
 */
final class Calendars {

    private final PlanCatalogue plans;
    private final ZoneId zone;
    private final int pastDays;
    private final int futureDays;
    private final Map<BusinessCalendar, String> ids = new IdentityHashMap<>();
    private final Map<String, CalendarWindow> windows = new LinkedHashMap<>();
    private LocalDate today;

    Calendars(PlanCatalogue plans, ZoneId zone, int pastDays, int futureDays) {
        this.plans = plans;
        this.zone = zone;
        this.pastDays = pastDays;
        this.futureDays = futureDays;
    }

    /** Whether the window moved on since the last call (a new day in the zone); the first call moves it too. */
    boolean moveTo(Instant now) {
        LocalDate date = LocalDate.ofInstant(now, zone);
        if (date.equals(today)) {
            return false;
        }
        today = date;
        windows.clear();
        ids.clear();
        return true;
    }

    /** The calendar a clock counts in. */
    BusinessCalendar calendarOf(BoardClock clock, Instant now) {
        Severity severity = Severity.valueOf(clock.severity());
        SlaPolicy policy = plans.versionById(clock.policyVersion()).orElseGet(() -> plans.plan(clock.plan())
                .orElse(plans.defaultPlan()).inForceAt(now));
        return policy.terms(severity).calendar();
    }

    /** The id of the calendar, computing its window the first time. */
    String idOf(BusinessCalendar calendar) {
        return ids.computeIfAbsent(calendar, c -> {
            String id = "c" + (ids.size() + 1);
            windows.put(id, CalendarWindow.of(c, today.minusDays(pastDays), today.plusDays(futureDays + 1L)));
            return id;
        });
    }

    ZoneId zone() {
        return zone;
    }

    CalendarWindow window(String id) {
        return windows.get(id);
    }

    /** Every calendar named so far with its window. */
    Map<String, CalendarWindow> windows() {
        return Map.copyOf(windows);
    }
}
