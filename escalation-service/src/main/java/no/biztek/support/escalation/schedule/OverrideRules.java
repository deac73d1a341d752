package no.biztek.support.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Level;
import no.biztek.support.kafka.ids.NameBasedIds;

/**
 * Whether an override may be made or deleted: pure, the schedule's state and now in, a {@link Decision} out.
 * <ul>
 *   <li>kind SWAP or COVER; level: a level of the escalation policy that follows the rotation (not a named
 *   person);</li>
 *   <li>the engineer is in the rotation (by e-mail, case-insensitive);</li>
 *   <li>{@code from} not in the past (now, within the allowed clock skew, is fine and stored as now; unset: now),
 *   {@code to} after {@code from}, at most {@code maxLength} later;</li>
 *   <li>no new gap: a change that would leave a level with nobody distinct on call (the same person as a lower
 *   level) where there was someone before is refused (409, naming each gap) unless the request accepts it.
 *   Gaps that were there before (too few engineers for the levels) do not count against a change.</li>
 * </ul>
 * Deleting: an unknown override is a 404, one that has ended a 409 (the past stays as it was), and the same gap
 * rule applies to what is left of its period.
 */
final class OverrideRules {

    private static final UUID OVERRIDE = UUID.fromString("6b0f5d9e-2c4a-4e1b-9f3d-8a7c6e5b4d21");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm", Locale.ROOT);

    /** A field and what is wrong with it. */
    record Problem(String field, String message) {
    }

    sealed interface Decision {
    }

    /** Write this override (for a delete: the override to delete). */
    record Accepted(ScheduledOverride override) implements Decision {
    }

    /** The request breaks a rule of the field (400). */
    record Invalid(List<Problem> problems) implements Decision {
    }

    /** No such override (404). */
    record NotFound(String detail) implements Decision {
    }

    /** It conflicts with the schedule (409); {@code gaps}: the gaps it would add, if that is why. */
    record Conflict(String detail, List<Gaps.Gap> gaps) implements Decision {
    }

    /** What a new override asks for; {@code from} null: now. */
    record Request(String kind, Integer level, String engineer, Instant from, Instant to, String note,
                   boolean acceptGap) {
    }

    private final List<Level> levels;
    private final Duration maxClockSkew;
    private final Duration maxLength;

    OverrideRules(List<Level> levels, Duration maxClockSkew, Duration maxLength) {
        this.levels = List.copyOf(levels);
        this.maxClockSkew = maxClockSkew;
        this.maxLength = maxLength;
    }

    /** The id of an override: one per position, engineer and period, so a retried request makes the same one. */
    static String id(int rotationOffset, String email, Instant from, Instant to) {
        return NameBasedIds.of(OVERRIDE, Integer.toString(rotationOffset), ScheduleRecords.normalised(email),
                from.toString(), to.toString());
    }

    Decision create(Request request, ScheduleState state, Instant now, String by) {
        List<Problem> problems = new ArrayList<>();
        String kind = request.kind() == null ? "" : request.kind().trim().toUpperCase(Locale.ROOT);
        if (!kind.equals("SWAP") && !kind.equals("COVER")) {
            problems.add(new Problem("kind", "must be swap or cover"));
        }
        int level = request.level() == null ? 1 : request.level();
        Level policyLevel = level >= 1 && level <= levels.size() ? levels.get(level - 1) : null;
        if (policyLevel == null) {
            problems.add(new Problem("level", "must be a level from 1 to " + levels.size()));
        } else if (policyLevel.person() != null) {
            problems.add(new Problem("level", "level " + level + " (" + policyLevel.name()
                    + ") pages a named person, not the rotation; it cannot be overridden"));
        }
        Optional<Engineer> engineer = request.engineer() == null ? Optional.empty() : state.engineer(request.engineer());
        if (engineer.isEmpty()) {
            problems.add(new Problem("engineer", "must be the e-mail of an engineer in the rotation ("
                    + state.rotation().map(r -> r.rotation().stream().map(Engineer::email)
                    .collect(Collectors.joining(", "))).orElse("none") + ")"));
        }
        Instant requested = request.from() == null ? now : request.from();
        if (requested.isBefore(now.minus(maxClockSkew))) {
            problems.add(new Problem("from", "must not be in the past (now is " + now + ")"));
        }
        // a start within the clock skew before now starts now: the hand-over check, which looks only after its
        // previous check, then sees the start (the id keeps the requested start, so a retry makes the same override)
        Instant from = requested.isBefore(now) ? now : requested;
        if (request.to() == null || !request.to().isAfter(from)) {
            problems.add(new Problem("to", "must be after from (" + from + ")"));
        } else if (Duration.between(from, request.to()).compareTo(maxLength) > 0) {
            problems.add(new Problem("to", "must be at most " + maxLength + " after from"));
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        int offset = policyLevel.rotationOffset();
        Shifts before = Shifts.of(state, levels);
        String replaces = before.at(from, level).email();
        ScheduledOverride override = new ScheduledOverride(id(offset, engineer.get().email(), requested, request.to()),
                kind, offset, from, request.to(), engineer.get(), replaces, blankToNull(request.note()), by, now);
        List<ScheduledOverride> changed = new ArrayList<>(state.overrides());
        changed.removeIf(o -> o.id().equals(override.id()));
        changed.add(override);
        Optional<Conflict> gap = gapConflict(before, before.withOverrides(changed), from, request.to(),
                request.acceptGap(), state.rotation().orElseThrow().zone());
        return gap.<Decision>map(c -> c).orElseGet(() -> new Accepted(override));
    }

    Decision delete(String id, ScheduleState state, Instant now, boolean acceptGap) {
        Optional<ScheduledOverride> found = state.override(id);
        if (found.isEmpty()) {
            return new NotFound("No override " + id + ".");
        }
        ScheduledOverride override = found.get();
        if (!override.to().isAfter(now)) {
            return new Conflict("Override " + id + " ended at " + override.to()
                    + "; the past stays as it was.", List.of());
        }
        List<ScheduledOverride> changed = new ArrayList<>(state.overrides());
        changed.removeIf(o -> o.id().equals(id));
        Shifts before = Shifts.of(state, levels);
        Instant from = override.from().isAfter(now) ? override.from() : now;
        Optional<Conflict> gap = gapConflict(before, before.withOverrides(changed), from, override.to(), acceptGap,
                state.rotation().orElseThrow().zone());
        return gap.<Decision>map(c -> c).orElseGet(() -> new Accepted(override));
    }

    private static Optional<Conflict> gapConflict(Shifts before, Shifts after, Instant from, Instant to,
                                                  boolean accepted, ZoneId zone) {
        List<Gaps.Gap> added = Gaps.introduced(Gaps.of(before, from, to), Gaps.of(after, from, to));
        if (added.isEmpty() || accepted) {
            return Optional.empty();
        }
        return Optional.of(new Conflict("The change would leave " + added.stream().map(g -> describe(g, zone))
                .collect(Collectors.joining("; ")) + ". Send acceptGap: true to make it anyway.", added));
    }

    static String describe(Gaps.Gap gap, ZoneId zone) {
        return "level " + gap.level() + " (" + gap.levelName() + ") without anyone distinct from "
                + WHEN.format(gap.from().atZone(zone)) + " to " + WHEN.format(gap.to().atZone(zone)) + " ("
                + gap.engineer().name() + " would be on call at levels " + gap.sameAsLevel() + " and " + gap.level()
                + ")";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
