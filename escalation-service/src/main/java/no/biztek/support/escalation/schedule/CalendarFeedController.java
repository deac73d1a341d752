package no.biztek.support.escalation.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import no.biztek.support.escalation.paging.PagingProperties;

/**
 * An engineer's shifts as an iCalendar feed at a signed link ({@code /calendar/<token>.ics}, outside {@code /api}:
 * calendar apps cannot send a Bearer token, so the signed token is the credential). Shows every level's shifts of
 * the engineer from {@code calendar.past} before now to {@code calendar.future} after. A forged or altered link:
 * 403, answered before the schedule is read; a revoked one (a newer link was issued, or the engineer left the
 * rotation): 410; Kafka not answering in time: 503 with Retry-After; each a short text saying why.
 */
@RestController
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Supplier<ScheduleState> schedule;
    private final FeedTokens tokens;
    private final List<PagingProperties.Level> levels;
    private final ScheduleProperties.Calendar window;
    private final Duration reach;
    private final String domain;
    private final Clock clock;

    @Autowired
    CalendarFeedController(ScheduleChanges schedule, FeedTokens tokens, PagingProperties paging,
                           ScheduleProperties properties, Clock clock) {
        this(schedule::current, tokens, paging, properties, clock);
    }

    /** @param schedule the schedule read up to now (throws {@link ErrorResponseException} 503 when not in time) */
    CalendarFeedController(Supplier<ScheduleState> schedule, FeedTokens tokens, PagingProperties paging,
                           ScheduleProperties properties, Clock clock) {
        this.schedule = schedule;
        this.tokens = tokens;
        this.levels = paging.policy().levels();
        this.window = properties.calendar();
        this.reach = Shifts.reach(properties.maxOverride());
        String host = paging.ackLink().baseUrl().getHost();
        this.domain = host == null || host.isBlank() ? "escalation-service" : host;
        this.clock = clock;
    }

    @Operation(summary = "An engineer's on-call shifts as an iCalendar feed (signed link, no Bearer token)")
    @GetMapping(path = "/calendar/{file}")
    ResponseEntity<String> feed(@PathVariable String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - ".ics".length()) : file;
        // the signature first: a forged link (anyone, unauthenticated) never makes this service read Kafka
        if (tokens.verify(token).isEmpty()) {
            return text(HttpStatus.FORBIDDEN, "This calendar link is not valid.", null);
        }
        ScheduleState state;
        try {
            state = schedule.get();
        } catch (ErrorResponseException e) {
            return text(HttpStatus.valueOf(e.getStatusCode().value()), "Could not read the on-call schedule in time; "
                    + "try again in a moment.", e.getHeaders());
        }
        FeedTokens.Access access = tokens.access(token, state);
        if (access instanceof FeedTokens.Revoked revoked) {
            return text(HttpStatus.GONE, revoked.why(), null);
        }
        if (!(access instanceof FeedTokens.Granted granted)) {
            return text(HttpStatus.FORBIDDEN, "This calendar link is not valid.", null);
        }
        Instant now = clock.instant();
        // not cut at the window: a shift spanning its start keeps its DTSTART and UID from one poll to the next
        List<Shifts.Shift> shifts = Shifts.of(state, levels)
                .overlapping(now.minus(window.past()), now.plus(window.future()), reach).stream()
                .filter(s -> Shifts.sameEngineer(s.engineer(), granted.engineer())).toList();
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(CalendarText.of(granted.engineer().name(), shifts, now, domain));
    }

    private static ResponseEntity<String> text(HttpStatus status, String message, HttpHeaders headers) {
        var response = ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN,
                StandardCharsets.UTF_8)).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (headers != null) {
            response.headers(headers);
        }
        return response.body(message + "\n");
    }
}
