package no.biztek.support.escalation.board;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.WarningThresholds;
import no.biztek.support.policy.calendar.BusinessCalendar;

/** Makes the board's rows from its clocks, what is known of their tickets, and their pages. Pure. */
final class BoardRows {

    private BoardRows() {
    }

    static BoardRow row(BoardClock clock, TicketFacts facts, List<BoardRow.Holder> pages, Calendars calendars,
                        Instant now) {
        BusinessCalendar calendar = calendars.calendarOf(clock, now);
        String calendarId = calendars.idOf(calendar);
        CalendarWindow window = calendars.window(calendarId);
        long tail = 0;
        if (clock.dueAt().isAfter(window.until())) {
            tail = calendar.businessTimeBetween(window.until(), clock.dueAt()).toSeconds();
        } else if (clock.dueAt().isBefore(window.from())) {
            tail = calendar.businessTimeBetween(clock.dueAt(), window.from()).toSeconds();
        }
        long target = Duration.ofMinutes(clock.targetMinutes()).toSeconds();
        long remaining = clock.paused() ? target - Duration.ofMinutes(clock.businessMinutesElapsed()).toSeconds()
                : calendar.businessTimeBetween(now, clock.dueAt()).toSeconds();
        String state = clock.breached() ? "breached" : clock.paused() ? "paused"
                : calendar.isOpenAt(now) ? "running" : "outside-hours";
        Severity severity = Severity.valueOf(clock.severity());
        return new BoardRow(clock.id(), clock.ticketId(), clock.metric(), metricName(clock.metric()),
                clock.customerId(), facts.customer(), clock.severity(), Labels.severity(clock.severity()),
                severity.level(), facts.name(), reference(facts), state, clock.breached(), clock.paused() ? clock.pauseReason() : null,
                clock.paused() ? pauseText(clock.pauseReason()) : null, clock.openedAt(), clock.dueAt(), target,
                remaining, calendarId, tail, warning(clock, target, remaining), pages);
    }

    /** What the desk calls the ticket: its source and id there, else the ticket id. */
    static String reference(TicketFacts facts) {
        return facts.source() == null || facts.externalId() == null ? facts.ticketId()
                : facts.source() + " " + facts.externalId();
    }

    /** "paused: waiting on customer" from the reason code {@code WAITING_ON_CUSTOMER}. */
    static String pauseText(String reason) {
        return "paused: " + (reason == null ? "no reason given"
                : reason.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT));
    }

    static String metricName(String metric) {
        return Metric.byId(metric).map(m -> switch (m) {
            case FIRST_RESPONSE -> "First response";
            case RESOLUTION -> "Resolution";
        }).orElse(metric);
    }

    /** The highest threshold of 50/75/90 % of the target used, or the highest the SLA timer announced. */
    static int warning(BoardClock clock, long targetSeconds, long remainingSeconds) {
        int level = clock.warningPercent();
        if (targetSeconds > 0) {
            double used = 100.0 * (targetSeconds - remainingSeconds) / targetSeconds;
            for (int threshold : WarningThresholds.DEFAULT.percents()) {
                if (used >= threshold) {
                    level = Math.max(level, threshold);
                }
            }
        }
        return level;
    }

    /** The pages of each ticket, for the rows. */
    static Map<String, List<BoardRow.Holder>> holders(List<PageBoard.Page> pages) {
        return pages.stream().filter(p -> p.state() == PageBoard.State.OPEN
                        || p.state() == PageBoard.State.ACKNOWLEDGED)
                .collect(Collectors.groupingBy(
                        PageBoard.Page::ticketId,
                        Collectors.mapping(BoardRows::holder, Collectors.toList())));
    }

    private static BoardRow.Holder holder(PageBoard.Page page) {
        if (page.state() == PageBoard.State.ACKNOWLEDGED) {
            String by = page.acknowledgedBy();
            String name = page.pagedPeople().stream().filter(p -> p.email().equalsIgnoreCase(String.valueOf(by)))
                    .map(PageState.Paged::name).findFirst().orElse(by);
            return new BoardRow.Holder(name, page.levelName(), true);
        }
        return new BoardRow.Holder(page.pagedName(), page.levelName(), false);
    }
}
