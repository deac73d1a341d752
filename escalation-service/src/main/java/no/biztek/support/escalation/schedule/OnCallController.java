package no.biztek.support.escalation.schedule;

import java.net.URI;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;

/** The on-call schedule over HTTP: who is on call, the shifts of a period, overrides, calendar feed links. */
@RestController
@RequestMapping(path = "/api/v1/oncall", produces = MediaType.APPLICATION_JSON_VALUE)
class OnCallController {

    /** The longest period one schedule answer covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(14);

    private final ScheduleChanges schedule;
    private final List<PagingProperties.Level> levels;
    private final RequestValidator validator;
    private final Clock clock;
    /** How far around now the shift in progress is looked for (its start and end). */
    private final Duration reach;

    OnCallController(ScheduleChanges schedule, PagingProperties paging, ScheduleProperties properties,
                     RequestValidator validator, Clock clock) {
        this.schedule = schedule;
        this.levels = paging.policy().levels();
        this.validator = validator;
        this.clock = clock;
        this.reach = Shifts.reach(properties.maxOverride());
    }

    record Person(String name, String email) {
        static Person of(PagingProperties.Engineer e) {
            return new Person(e.name(), e.email());
        }
    }

    /** A person's time at a level; {@code overrideId}: the override that put them there (null: the rotation). */
    record ShiftResponse(int level, String levelName, Person engineer, Instant from, Instant to, String overrideId) {
        static ShiftResponse of(Shifts.Shift s) {
            return new ShiftResponse(s.level(), s.levelName(), Person.of(s.engineer()), s.from(), s.to(),
                    s.overrideId());
        }
    }

    record OnCallNow(Instant at, String zone, List<ShiftResponse> levels) {
    }

    record OverrideResponse(String overrideId, String kind, int level, Person engineer, Instant from, Instant to,
                            String replaces, String note, String createdBy, Instant createdAt) {
    }

    record GapResponse(int level, String levelName, Instant from, Instant to, Person engineer, int sameAsLevel) {
    }

    record ScheduleResponse(Instant from, Instant to, String zone, List<ShiftResponse> shifts,
                            List<OverrideResponse> overrides, List<GapResponse> gaps) {
    }

    /**
     * A new override. {@code kind}: swap or cover; {@code level}: 1 (default, the engineer on call) or another level
     * that follows the rotation; {@code engineer}: the e-mail of an engineer in the rotation; {@code from}: default
     * now, never in the past; {@code acceptGap}: make it even though it leaves a level with nobody distinct.
     */
    record CreateOverride(String kind, Integer level, String engineer, OffsetDateTime from, OffsetDateTime to,
                          @Size(max = 500) String note, Boolean acceptGap) {
    }

    record FeedResponse(Person engineer, long generation, URI url) {
    }

    @Operation(summary = "Who is on call now", description = "Every level of the escalation policy with the person it "
            + "pages now, since when and until when (overrides applied). `from`/`to` are null when not known: a level "
            + "that pages a named person (always on call), or a shift that began or ends further away than the "
            + "longest override and a rotation week.")
    @GetMapping("/now")
    OnCallNow now() {
        Instant now = clock.instant();
        ScheduleState state = schedule.state();
        Instant start = now.minus(reach);
        Instant end = now.plus(reach);
        List<ShiftResponse> current = Shifts.of(state, levels).shifts(start, end).stream()
                .filter(s -> !s.from().isAfter(now) && s.to().isAfter(now))
                .map(s -> {
                    boolean named = levels.get(s.level() - 1).person() != null;
                    return new ShiftResponse(s.level(), s.levelName(), Person.of(s.engineer()),
                            named || s.from().equals(start) ? null : s.from(),
                            named || s.to().equals(end) ? null : s.to(), s.overrideId());
                }).toList();
        return new OnCallNow(now, state.rotation().orElseThrow().zone().getId(), current);
    }

    @Operation(summary = "The schedule of a period", description = "The shifts of every level from `from` (default "
            + "now) to `to` (default 14 days later, at most 366 days), overrides applied, the overrides of the period "
            + "and its gaps (a level with nobody distinct from a lower one). A bad or reversed time is a 400 problem.")
    @GetMapping("/schedule")
    ScheduleResponse schedule(@Parameter(description = "ISO-8601 instant or offset date-time; default now")
                              @RequestParam(required = false) String from,
                              @Parameter(description = "ISO-8601; default 14 days after from")
                              @RequestParam(required = false) String to) {
        Instant start = from == null || from.isBlank() ? clock.instant() : instant("from", from);
        Instant end = to == null || to.isBlank() ? start.plus(DEFAULT_PERIOD) : instant("to", to);
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("to", "must be after from (" + start + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidRequestException("to", "must be at most 366 days after from");
        }
        ScheduleState state = schedule.state();
        Shifts shifts = Shifts.of(state, levels);
        return new ScheduleResponse(start, end, state.rotation().orElseThrow().zone().getId(),
                shifts.shifts(start, end).stream().map(ShiftResponse::of).toList(),
                state.overrides().stream().filter(o -> o.to().isAfter(start) && o.from().isBefore(end))
                        .map(this::response).toList(),
                Gaps.of(shifts, start, end).stream().map(g -> new GapResponse(g.level(), g.levelName(), g.from(),
                        g.to(), Person.of(g.engineer()), g.sameAsLevel())).toList());
    }

    @Operation(summary = "Create an override (swap or cover)", description = "From `from` (default now) to `to` the "
            + "engineer is on call at the level instead of whom the rotation puts there. 400: unknown engineer, a "
            + "start in the past, `to` not after `from`, a level that pages a named person; 409: it would leave a "
            + "level with nobody distinct (the gaps are listed) unless `acceptGap` is true; 503 with Retry-After when "
            + "Kafka did not answer in time. The same override again answers the recorded one.")
    @PostMapping(path = "/overrides", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OverrideResponse create(@RequestBody CreateOverride request, @Parameter(hidden = true) Principal token) {
        validator.validate(request);
        ScheduledOverride created = schedule.create(new OverrideRules.Request(request.kind(), request.level(),
                request.engineer(), request.from() == null ? null : request.from().toInstant(),
                request.to() == null ? null : request.to().toInstant(), request.note(),
                Boolean.TRUE.equals(request.acceptGap())), token == null ? "unknown" : token.getName());
        return response(created);
    }

    @Operation(summary = "Delete an override", description = "The rotation applies again for what is left of its "
            + "period. 404: unknown; 409: it has ended, or deleting it would leave a level with nobody distinct "
            + "unless `acceptGap=true`.")
    @DeleteMapping("/overrides/{overrideId}")
    OverrideResponse delete(@PathVariable String overrideId,
                            @RequestParam(defaultValue = "false") boolean acceptGap) {
        return response(schedule.delete(overrideId, acceptGap));
    }

    @Operation(summary = "Issue an engineer's calendar feed link", description = "A new signed link to the "
            + "engineer's shifts as an iCalendar feed (no Bearer token needed, for calendar apps); every earlier link "
            + "of theirs stops working (410). 404: no such engineer in the rotation.")
    @PostMapping("/engineers/{email}/calendar-feed")
    @ResponseStatus(HttpStatus.CREATED)
    FeedResponse issueFeed(@PathVariable String email, @Parameter(hidden = true) Principal token) {
        ScheduleChanges.FeedLink link = schedule.issueFeed(email, token == null ? "unknown" : token.getName());
        return new FeedResponse(Person.of(link.engineer()), link.generation(), link.url());
    }

    private OverrideResponse response(ScheduledOverride o) {
        int level = levelOf(o.rotationOffset());
        return new OverrideResponse(o.id(), o.kind().toLowerCase(java.util.Locale.ROOT), level,
                Person.of(o.engineer()), o.from(), o.to(), o.replaces(), o.note(), o.updatedBy(), o.updatedAt());
    }

    /** The first level that pages the rotation position; 0 when none does. */
    private int levelOf(int rotationOffset) {
        for (int i = 0; i < levels.size(); i++) {
            if (Integer.valueOf(rotationOffset).equals(levels.get(i).rotationOffset())) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Instant instant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequestException(parameter, "must be an ISO-8601 date-time with an offset, e.g. "
                    + "2026-03-03T09:00:00+01:00; was '" + (value.length() > 40 ? value.substring(0, 40) : value)
                    + "'");
        }
    }
}
