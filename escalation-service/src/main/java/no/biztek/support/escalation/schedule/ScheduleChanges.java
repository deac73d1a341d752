package no.biztek.support.escalation.schedule;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import no.biztek.support.escalation.api.Problems;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.httpapi.problem.FieldProblem;
import no.biztek.support.httpapi.problem.InvalidRequestException;

/**
 * The schedule API's reads and writes: reads the topic up to now, asks {@link OverrideRules}, writes the change and
 * reads it back ({@link ScheduleWriter}). Writes on one instance are serialised; two instances changing the schedule
 * in the same few milliseconds is a race this service accepts (each change was valid against what it saw).
 */
final class ScheduleChanges {

    /** A new calendar feed link. */
    /** @param generation the Avro int's 32 bits read as unsigned (the issue time in epoch seconds, or later) */
    record FeedLink(PagingProperties.Engineer engineer, long generation, URI url) {
    }

    private final ScheduleView view;
    private final ScheduleWriter writer;
    private final OverrideRules rules;
    private final FeedTokens feeds;
    private final PagingProperties.Schedule configured;
    private final URI baseUrl;
    private final Clock clock;

    ScheduleChanges(ScheduleView view, ScheduleWriter writer, OverrideRules rules, FeedTokens feeds,
                    PagingProperties.Schedule configured, URI baseUrl, Clock clock) {
        this.view = view;
        this.writer = writer;
        this.rules = rules;
        this.feeds = feeds;
        this.configured = configured;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The schedule as the topic holds it now (read up to now); the configured one while the topic holds none. */
    ScheduleState current() {
        writer.readUpToNow();
        return state();
    }

    /** The schedule as this instance's view holds it (the configured one while the topic holds none). */
    ScheduleState state() {
        ScheduleState state = view.snapshot();
        if (state.rotation().isPresent()) {
            return state;
        }
        return new ScheduleState(Optional.of(ScheduleState.withOverrides(configured, List.of())),
                ScheduleSeed.overrides(configured, clock.instant()), state.feeds(), state.handoverClaims());
    }

    synchronized ScheduledOverride create(OverrideRules.Request request, String by) {
        ScheduleState state = current();
        ScheduledOverride override = accepted(rules.create(request, state, clock.instant(), by));
        if (state.override(override.id()).isPresent()) {
            return state.override(override.id()).get(); // the same override again: recorded already
        }
        writer.write(ScheduleRecords.overrideKey(override.id()),
                ScheduleRecords.entry(ScheduleRecords.override(override), by, clock.instant()));
        return override;
    }

    synchronized ScheduledOverride delete(String id, boolean acceptGap) {
        ScheduledOverride override = accepted(rules.delete(id, current(), clock.instant(), acceptGap));
        writer.write(ScheduleRecords.overrideKey(id), null);
        return override;
    }

    /** A new feed link for the engineer; every earlier link of theirs is revoked. */
    synchronized FeedLink issueFeed(String email, String by) {
        ScheduleState state = current();
        PagingProperties.Engineer engineer = state.engineer(email).orElseThrow(() -> Problems.notFound(
                "No engineer " + email + " in the on-call rotation."));
        int generation = FeedTokens.nextGeneration(state.feedGeneration(engineer.email()), clock.instant());
        writer.write(ScheduleRecords.feedKey(engineer.email()),
                ScheduleRecords.entry(ScheduleRecords.feed(engineer.email(), generation), by, clock.instant()));
        URI url = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/calendar/"
                + feeds.issue(engineer.email(), generation) + ".ics");
        return new FeedLink(engineer, Integer.toUnsignedLong(generation), url);
    }

    private static ScheduledOverride accepted(OverrideRules.Decision decision) {
        if (decision instanceof OverrideRules.Accepted accepted) {
            return accepted.override();
        }
        if (decision instanceof OverrideRules.Invalid invalid) {
            throw new InvalidRequestException(invalid.problems().stream()
                    .map(p -> new FieldProblem(p.field(), p.message())).toList());
        }
        if (decision instanceof OverrideRules.NotFound notFound) {
            throw Problems.notFound(notFound.detail());
        }
        throw conflict((OverrideRules.Conflict) decision);
    }

    private static ErrorResponseException conflict(OverrideRules.Conflict conflict) {
        ErrorResponseException problem = Problems.of(HttpStatus.CONFLICT, conflict.detail());
        if (!conflict.gaps().isEmpty()) {
            problem.getBody().setTitle("Gap in the on-call schedule");
            problem.getBody().setProperty("gaps", conflict.gaps().stream().map(g -> java.util.Map.of(
                    "level", g.level(), "levelName", g.levelName(), "from", g.from().toString(),
                    "to", g.to().toString(), "engineer", g.engineer().email(), "sameAsLevel", g.sameAsLevel()))
                    .toList());
        }
        return problem;
    }
}
