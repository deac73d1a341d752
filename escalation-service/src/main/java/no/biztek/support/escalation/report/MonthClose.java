package no.biztek.support.escalation.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The report calendar, as pure rules: a ticket's month is the month of its opening in the report zone (Europe/Oslo);
 * a month closes {@code close-after} after its last day ends there, and its facts are kept {@code addendum-window}
 * after that.
 */
record MonthClose(ZoneId zone, Duration closeAfter, Duration addendumWindow) {

    YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** When the month ends: the first instant of the next month in the zone. */
    Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** When the month closes: its end plus {@code close-after}. */
    Instant closeOf(YearMonth month) {
        return endOf(month).plus(closeAfter);
    }

    boolean isClosed(YearMonth month, Instant now) {
        return !now.isBefore(closeOf(month));
    }

    /** Whether the month has begun by {@code now} (a later month has no report). */
    boolean hasBegun(YearMonth month, Instant now) {
        return !month.isAfter(monthOf(now));
    }

    /** The earliest month whose facts are still kept at {@code now}: its close plus the addendum window is later. */
    YearMonth earliestKept(Instant now) {
        YearMonth month = monthOf(now);
        while (closeOf(month.minusMonths(1)).plus(addendumWindow).isAfter(now)) {
            month = month.minusMonths(1);
        }
        return month;
    }

    /** The months closed by {@code now} whose facts are still kept, oldest first. */
    List<YearMonth> closedAndKept(Instant now) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = earliestKept(now); isClosed(m, now); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
