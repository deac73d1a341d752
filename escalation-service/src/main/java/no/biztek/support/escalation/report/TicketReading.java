package no.biztek.support.escalation.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.report.SlaReport.Breach;
import no.biztek.support.escalation.report.SlaReport.Hold;
import no.biztek.support.escalation.report.SlaReport.SeverityStep;
import no.biztek.support.escalation.report.SlaReport.TicketRow;
import no.biztek.support.escalation.report.TicketRecord.SlaFact;
import no.biztek.support.escalation.report.TicketRecord.Timed;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.calendar.BusinessCalendar;

/**
 * One ticket's part of a report, decided from its facts with event times up to {@code upTo}: per metric its verdict and
 * the business time used, its holds and severity history. Pure.
 *
 * <p>A verdict is the latest SlaMet, SlaBreached or VERDICT_REVISED correction that no correction supersedes. The SLA
 * timer sends a breached clock nothing more when the response (or resolution) finally comes, so a breach's business
 * time is computed here: from the opening to the first response (first-response) or the last resolution (resolution),
 * at most to {@code measuredUntil}, on the calendar of the clock's policy version and severity
 * ({@code PlanCatalogue.versionById(policyVersion).terms(severity).calendar()}), less the business time of the holds
 * whose reason pauses that metric (the policy's pause rules), as the timer counts it.
 */
final class TicketReading {

    private final TicketRecord ticket;
    private final Instant upTo;
    private final Instant measuredUntil;
    private final SlaPolicy policy;

    TicketReading(TicketRecord ticket, Instant upTo, Instant measuredUntil, PlanCatalogue plans) {
        this.ticket = ticket;
        this.upTo = upTo;
        this.measuredUntil = measuredUntil;
        this.policy = policyOf(ticket, plans);
    }

    private static SlaPolicy policyOf(TicketRecord ticket, PlanCatalogue plans) {
        Optional<SlaPolicy> named = ticket.sla().stream().map(SlaFact::policyVersion).distinct()
                .map(plans::versionById).flatMap(Optional::stream).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        String plan = ticket.opening() == null || ticket.opening().plan() == null ? PlanCatalogue.DEFAULT_PLAN
                : ticket.opening().plan();
        PolicyHistory history = plans.plan(plan).orElse(plans.defaultPlan());
        try {
            return history.inForceAt(ticket.openedAt());
        } catch (IllegalArgumentException e) {
            return history.versions().get(0); // opened before the plan's first version: measured by its first terms
        }
    }

    String openingSeverity() {
        if (ticket.opening() != null) {
            return ticket.opening().severity();
        }
        return ticket.sla().stream().findFirst().map(SlaFact::severity).orElse(Labels.UNKNOWN);
    }

    /** e.g. "Severity 1 – Critical / Major incident", as the policy names it. */
    String label(String severity) {
        try {
            return Labels.severityNumber(severity) + " – " + policy.terms(Severity.valueOf(severity)).name();
        } catch (IllegalArgumentException e) {
            return Labels.severity(severity);
        }
    }

    private BusinessCalendar calendar(String severity) {
        try {
            return policy.terms(Severity.valueOf(severity)).calendar();
        } catch (IllegalArgumentException e) {
            return policy.calendar();
        }
    }

    List<SeverityStep> severityHistory() {
        List<SeverityStep> steps = new ArrayList<>();
        steps.add(new SeverityStep(ticket.openedAt(), openingSeverity(), label(openingSeverity()), null));
        ticket.severityChanges().stream().filter(c -> !c.at().isAfter(upTo)).forEach(c ->
                steps.add(new SeverityStep(c.at(), c.severity(), label(c.severity()), c.reasonCode())));
        return steps;
    }

    /** The holds begun by {@code upTo}: each ends at the first resumption or the next hold after it. */
    List<Hold> holds() {
        List<Timed> held = ticket.held().stream().filter(h -> !h.at().isAfter(upTo)).toList();
        List<Hold> holds = new ArrayList<>();
        BusinessCalendar calendar = calendar(openingSeverity());
        for (int i = 0; i < held.size(); i++) {
            Timed h = held.get(i);
            Instant to = ticket.resumed().stream().map(Timed::at).filter(at -> !at.isBefore(h.at()) && !at.isAfter(upTo))
                    .findFirst().orElse(null);
            if (i + 1 < held.size() && (to == null || held.get(i + 1).at().isBefore(to))) {
                to = held.get(i + 1).at();
            }
            Instant end = to == null || to.isAfter(measuredUntil) ? measuredUntil : to;
            long minutes = end.isAfter(h.at()) ? calendar.businessTimeBetween(h.at(), end).toMinutes() : 0;
            holds.add(new Hold(h.detail(), h.at(), to, minutes));
        }
        return holds;
    }

    /** The metrics reported for this ticket: first response, and resolution when measured. */
    List<String> metrics() {
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(Metric.FIRST_RESPONSE.id());
        boolean resolutionTarget = severityOrNull(openingSeverity()) != null
                && policy.terms(severityOrNull(openingSeverity())).resolutionTarget().isPresent();
        if (resolutionTarget || ticket.sla().stream().anyMatch(f -> Metric.RESOLUTION.id().equals(f.metric()))) {
            metrics.add(Metric.RESOLUTION.id());
        }
        return List.copyOf(metrics);
    }

    private static Severity severityOrNull(String code) {
        try {
            return Severity.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    List<SlaFact> facts(String metric) {
        return ticket.sla().stream().filter(f -> metric.equals(f.metric()) && !f.at().isAfter(upTo)).toList();
    }

    /** The verdict in force (see the class comment), if any. */
    Optional<SlaFact> verdict(String metric) {
        List<SlaFact> facts = facts(metric);
        Set<String> superseded = new HashSet<>();
        facts.stream().filter(f -> f.superseded() != null).forEach(f -> superseded.add(f.superseded()));
        return facts.stream().filter(f -> !superseded.contains(f.eventId()))
                .filter(f -> "MET".equals(f.kind()) || "BREACHED".equals(f.kind()) || "CORRECTED".equals(f.kind())
                        && f.detail() != null && f.detail().startsWith("VERDICT_REVISED|")
                        && (f.detail().endsWith("|MET") || f.detail().endsWith("|BREACHED")))
                .max(Comparator.comparing(SlaFact::at).thenComparing(SlaFact::eventId));
    }

    private static String verdictOf(SlaFact fact) {
        return "CORRECTED".equals(fact.kind()) ? fact.detail().substring(fact.detail().indexOf('|') + 1) : fact.kind();
    }

    TicketRow row(String metric, List<Hold> holds) {
        Optional<SlaFact> verdict = verdict(metric);
        List<SlaFact> facts = facts(metric);
        SlaFact latest = verdict.orElse(facts.isEmpty() ? null : facts.get(facts.size() - 1));
        String severity = latest == null ? openingSeverity() : latest.severity();
        String state = verdict.map(TicketReading::verdictOf).orElse(latest != null && "STOPPED".equals(latest.kind())
                ? "NOT_MEASURED" : "OPEN");
        Long used = verdict.map(v -> v.businessMinutesUsed() != null ? v.businessMinutesUsed()
                : breachMinutes(metric, v)).orElse(null);
        Integer target = facts.stream().map(SlaFact::targetMinutes).filter(t -> t != null).reduce((a, b) -> b)
                .orElse(null);
        long held = holds.stream().filter(h -> pauses(h.reason(), metric)).mapToLong(Hold::businessMinutes).sum();
        int changes = (int) ticket.severityChanges().stream().filter(c -> !c.at().isAfter(upTo)).count();
        return new TicketRow(ticket.ticketId(), ticket.opening() == null ? ticket.ticketId()
                : ticket.opening().reference(), ticket.opening() == null ? null : ticket.opening().title(),
                ticket.openedAt(), severity, label(severity),
                ticket.opening() == null ? null : ticket.opening().channel(), latest != null ? latest.plan()
                : policy.plan(), metric, state, used, target, latest == null ? null : latest.dueAt(), held, changes,
                verdict.map(SlaFact::at).orElse(null));
    }

    Optional<Breach> breach(TicketRow row, List<Hold> holds) {
        if (!"BREACHED".equals(row.verdict())) {
            return Optional.empty();
        }
        return Optional.of(new Breach(ticket.ticketId(), row.metric(), row.severity(), row.severityLabel(), row.plan(),
                row.decidedAt(), row.dueAt(), row.businessMinutesUsed(), row.targetMinutes(), severityHistory(),
                holds));
    }

    private boolean pauses(String reason, String metric) {
        return Metric.byId(metric).map(m -> policy.pauseRules().pauses(reason, m)).orElse(false);
    }

    /** Business time of a breached clock: see the class comment. */
    private long breachMinutes(String metric, SlaFact verdict) {
        List<Timed> ends = Metric.RESOLUTION.id().equals(metric) ? ticket.resolutions() : ticket.responses();
        List<Timed> known = ends.stream().filter(e -> !e.at().isAfter(upTo)).toList();
        Instant end = known.isEmpty() ? measuredUntil
                : Metric.RESOLUTION.id().equals(metric) ? known.get(known.size() - 1).at() : known.get(0).at();
        if (end.isAfter(measuredUntil)) {
            end = measuredUntil;
        }
        if (!end.isAfter(ticket.openedAt())) {
            return 0;
        }
        BusinessCalendar calendar = calendar(verdict.severity());
        Duration used = calendar.businessTimeBetween(ticket.openedAt(), end);
        for (Hold hold : holds()) {
            if (!pauses(hold.reason(), metric)) {
                continue;
            }
            Instant from = hold.from().isBefore(ticket.openedAt()) ? ticket.openedAt() : hold.from();
            Instant to = hold.to() == null || hold.to().isAfter(end) ? end : hold.to();
            if (to.isAfter(from)) {
                used = used.minus(calendar.businessTimeBetween(from, to));
            }
        }
        return Math.max(0, used.toMinutes());
    }
}
