package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.escalation.delivery.HandoverDelivery;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.kafka.timer.PeriodicTasks;

/** The on-call schedule on its topic: the view, its seed, the API's reads and writes, feeds, hand-overs, gaps. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    /** The schedule in force for the paging rules too (a {@code CurrentSchedule}). */
    @Bean
    ScheduleView scheduleView() {
        return new ScheduleView();
    }

    @Bean
    TopicFollower<OnCallScheduleEntry> scheduleFollower(KafkaProperties kafka, ScheduleView view) {
        return new TopicFollower<>(Topics.ONCALL_SCHEDULE, TopicFollower.consumers(kafka, "escalation-schedule"),
                List.of(view));
    }

    @Bean
    ScheduleSeed scheduleSeed(PagingProperties paging, ScheduleView view,
                              TopicFollower<OnCallScheduleEntry> scheduleFollower, AcknowledgedPublisher publisher,
                              Clock clock) {
        return new ScheduleSeed(paging.schedule(), view, scheduleFollower, publisher, clock);
    }

    @Bean
    ScheduleWriter scheduleWriter(AcknowledgedPublisher publisher, TopicFollower<OnCallScheduleEntry> scheduleFollower,
                                  ApiProperties api) {
        return new ScheduleWriter(publisher, scheduleFollower, api.lookupTimeout(), api.retryAfter());
    }

    @Bean
    FeedTokens feedTokens(AckTokens ackTokens) {
        return new FeedTokens(ackTokens.forPurpose(FeedTokens.PURPOSE));
    }

    @Bean
    ScheduleChanges scheduleChanges(ScheduleView view, ScheduleWriter writer, PagingProperties paging,
                                    ApiProperties api, ScheduleProperties properties, FeedTokens feedTokens,
                                    Clock clock) {
        OverrideRules rules = new OverrideRules(paging.policy().levels(), api.maxClockSkew(), properties.maxOverride());
        return new ScheduleChanges(view, writer, rules, feedTokens, paging.schedule(), paging.ackLink().baseUrl(),
                clock);
    }

    @Bean
    GapGauge gapGauge(MeterRegistry registry, PagingProperties paging, ScheduleChanges changes, ScheduleView view,
                      ScheduleProperties properties, Clock clock) {
        GapGauge gauge = new GapGauge(registry, paging.policy().levels(), changes::state, clock,
                properties.gapHorizon());
        view.onChange(gauge::recompute);
        gauge.recompute();
        return gauge;
    }

    @Bean
    HandoverNotices handoverNotices(ScheduleChanges changes, PagingProperties paging, PageBoard board,
                                    HandoverDelivery delivery, ScheduleView view, ScheduleWriter writer,
                                    GapGauge gaps, ScheduleProperties properties, Clock clock) {
        HandoverClaims claims = new HandoverClaims(view, writer, UUID.randomUUID().toString(), clock);
        return new HandoverNotices(changes::state, paging.policy().levels(), () -> board.list(PageBoard.State.OPEN),
                delivery::deliver, claims::claim, claims::forget, gaps::recompute, properties.handoff(), clock);
    }

    /** Every instance checks for hand-overs every {@code handoff.check-interval}. */
    @Bean
    PeriodicTasks handoverChecks(HandoverNotices notices, ScheduleProperties properties) {
        return PeriodicTasks.of(new PeriodicTasks.Task("oncall-handover", properties.handoff().checkInterval(),
                notices::check));
    }
}
