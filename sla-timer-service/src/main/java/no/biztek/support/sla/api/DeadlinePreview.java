package no.biztek.support.sla.api;

import java.time.Duration;
import java.time.Instant;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;

/** The deadline a ticket would get under a plan, for one metric: from the policy alone, no clock involved. */
final class DeadlinePreview {

    private final PlanCatalogue plans;

    DeadlinePreview(PlanCatalogue plans) {
        this.plans = plans;
    }

    /**
     * @param plan   a plan of the policy file; null: the default plan
     * @param metric a metric id ({@link Metric#ids()}); null: first response
     * @throws InvalidRequestException naming the parameter that cannot be answered
     */
    PreviewResponse preview(Severity severity, Instant openedAt, String plan, String metric) {
        String planName = plan == null || plan.isBlank() ? PlanCatalogue.DEFAULT_PLAN : plan;
        if (plans.plan(planName).isEmpty()) {
            throw new InvalidRequestException("plan", "must be a plan of the support policy, one of "
                    + plans.planNames() + ", was '" + plan + "'");
        }
        Metric measured = metric == null || metric.isBlank() ? Metric.FIRST_RESPONSE : Metric.byId(metric)
                .orElseThrow(() -> new InvalidRequestException("metric", "must be one of " + Metric.ids()
                        + ", was '" + metric + "'"));
        SlaPolicy policy = inForce(planName, openedAt);
        Duration target = policy.terms(severity).target(measured).orElseThrow(() -> new InvalidRequestException(
                "metric", "policy version " + policy.id() + " of plan " + planName + " sets no " + measured.id()
                        + " target for severity " + severity.level()));
        Instant dueAt = deadline(policy, measured, severity, openedAt);
        return new PreviewResponse(dueAt, Math.toIntExact(target.toMinutes()), policy.id(), measured.id(), planName);
    }

    private SlaPolicy inForce(String plan, Instant openedAt) {
        try {
            return plans.inForceAt(plan, openedAt);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("openedAt", e.getMessage());
        }
    }

    private static Instant deadline(SlaPolicy policy, Metric metric, Severity severity, Instant openedAt) {
        try {
            return policy.deadline(metric, severity, openedAt).orElseThrow();
        } catch (IllegalArgumentException e) {
            // beyond the years the business calendar covers
            throw new InvalidRequestException("openedAt", e.getMessage());
        }
    }
}
