package no.biztek.support.sla.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.sla.clock.ClockReader;
import no.biztek.support.sla.clock.ClockReading;
import no.biztek.support.sla.clock.SlaClock;

/**
 * Turns a stored clock into the SLA status answer: what the ticket's facts say now, so the answer follows
 * the facts (a late response shows MET at once) and a deadline passed moments ago shows BREACHED even
 * before the timer has announced it.
 */
@Component
class SlaStatusMapper {

    private final ClockReader reader;
    private final Clock clock;

    @Autowired
    SlaStatusMapper(PlanCatalogue plans, Clock clock) {
        this.reader = new ClockReader(plans);
        this.clock = clock;
    }

    SlaStatusMapper(PolicyHistory policies, Clock clock) {
        this.reader = new ClockReader(policies);
        this.clock = clock;
    }

    SlaStatusResponse toResponse(SlaClock sla) {
        Instant now = clock.instant();
        ClockReading reading = reader.read(sla, now);
        String plan = reader.planOf(sla);
        List<MetricStatus> metrics = new ArrayList<>(2);
        for (Metric metric : sla.metrics()) {
            ClockReading measured = metric == Metric.FIRST_RESPONSE ? reading : reader.read(sla, metric, now);
            metrics.add(new MetricStatus(metric.id(), stateOf(measured), measured.pauseReason(), measured.dueAt(),
                    measured.businessMinutesUsed(), plan, sla.policyVersion(), minutes(measured.pausedByReason())));
        }
        return new SlaStatusResponse(sla.ticketId(), sla.customerId(), reading.severity().level(), sla.policyVersion(),
                sla.openedAt(), reading.dueAt(), reading.state().name(), reading.respondedAt(),
                reading.businessMinutesUsed(), metrics);
    }

    private static Map<String, Long> minutes(Map<String, Duration> paused) {
        Map<String, Long> minutes = new LinkedHashMap<>();
        paused.forEach((reason, time) -> minutes.put(reason, time.toMinutes()));
        return minutes;
    }

    /**
     * As the reading says, except that only a resolved ticket's clock is STOPPED (as the top-level state always
     * said): a clock paused for any other reason is PAUSED, and resumes when the reason ends.
     */
    private static String stateOf(ClockReading reading) {
        return reading.isHeld() ? "PAUSED" : reading.state().name();
    }
}
