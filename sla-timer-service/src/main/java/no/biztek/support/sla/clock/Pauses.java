package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PauseRules;

/**
 * Why one metric's clock does not count, walking a ticket's facts in event-time order: the ticket is resolved (from
 * {@code resolvedAt} to {@code reopenedAt}, which also ends a hold), or held for a reason the policy version pauses
 * the metric for (from {@code heldAt} to {@code resumedAt}, a resolution, or a newer hold's {@code heldAt}). While
 * resolved nothing else matters; a hold recorded while resolved holds the ticket once it is reopened. A reason the
 * version does not know pauses nothing. Also keeps which reason paused the metric when, for the time paused per
 * reason.
 */
final class Pauses {

    private final PauseRules rules;
    private final Metric metric;
    private boolean resolved;
    private String heldFor;
    /** Spans [from, to) the metric was paused, by reason, in time order; the last one's {@code to} is null while on. */
    private final List<Span> spans = new ArrayList<>();

    Pauses(PauseRules rules, Metric metric) {
        this.rules = rules;
        this.metric = metric;
    }

    /** The reason the metric is paused for now, null while it counts. */
    String reason() {
        if (resolved) {
            return rules.pauses(PauseRules.RESOLVED, metric) ? PauseRules.RESOLVED : null;
        }
        return heldFor != null && rules.pauses(heldFor, metric) ? heldFor : null;
    }

    /** Since when the metric is paused for the current reason, null while it counts. */
    Instant reasonSince() {
        return reason() == null || spans.isEmpty() ? null : spans.get(spans.size() - 1).from();
    }

    /** Takes one fact into account at {@code at}; returns whether it changed the reason (or the pause began or ended). */
    boolean apply(Fact fact, Instant at) {
        String before = reason();
        switch (fact.kind()) {
            case RESOLVED -> {
                resolved = true;
                heldFor = null;
            }
            case REOPENED -> resolved = false;
            case HELD -> heldFor = fact.detail();
            case RESUMED -> heldFor = null;
            default -> {
                return false;
            }
        }
        String after = reason();
        if (Objects.equals(before, after)) {
            return false;
        }
        if (before != null) {
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(last.reason(), last.from(), at));
        }
        if (after != null) {
            spans.add(new Span(after, at, null));
        }
        return true;
    }

    /** Business time paused per reason up to {@code until}, by the calendar counted in; reasons with none left out. */
    Map<String, Duration> pausedUntil(Instant until, ActiveTime active) {
        Map<String, Duration> paused = new LinkedHashMap<>();
        for (Span span : spans) {
            Instant to = span.to() == null || span.to().isAfter(until) ? until : span.to();
            Duration time = active.businessTime(span.from(), to);
            if (!time.isZero() && !time.isNegative()) {
                paused.merge(span.reason(), time, Duration::plus);
            }
        }
        return paused;
    }

    private record Span(String reason, Instant from, Instant to) {
    }
}
