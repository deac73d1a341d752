package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.kafka.startup.StartupStep;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.topic.Topics;

/**
 * Seeds the schedule topic from configuration ({@code support.escalation.paging.schedule}) on a start that finds no
 * rotation on it: the overrides first, the rotation last, with ids derived from their content, so a seed interrupted
 * half-way, or two instances seeding at once, end with the same schedule. Once the topic holds a rotation the
 * configuration is not looked at again: a later start with other configuration does not overwrite what the API
 * changed. Runs after the view has read the topic and before the web server takes requests; Kafka not answering
 * fails start-up.
 */
final class ScheduleSeed extends StartupStep {

    private static final Logger log = LoggerFactory.getLogger(ScheduleSeed.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final PagingProperties.Schedule configured;
    private final ScheduleView view;
    private final TopicFollower<OnCallScheduleEntry> follower;
    private final AcknowledgedPublisher publisher;
    private final Clock clock;

    ScheduleSeed(PagingProperties.Schedule configured, ScheduleView view, TopicFollower<OnCallScheduleEntry> follower,
                 AcknowledgedPublisher publisher, Clock clock) {
        // after the followers (Integer.MIN_VALUE + 1000), before the web server and the stream processing
        super(Integer.MIN_VALUE + 2000);
        this.configured = configured;
        this.view = view;
        this.follower = follower;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The configured overrides as the topic keeps them. */
    static List<ScheduledOverride> overrides(PagingProperties.Schedule schedule, java.time.Instant now) {
        return schedule.overrides().stream().map(o -> new ScheduledOverride(
                OverrideRules.id(o.rotationOffset(), o.engineer().email(), o.from().toInstant(), o.to().toInstant()),
                "COVER", o.rotationOffset(), o.from().toInstant(), o.to().toInstant(), o.engineer(), null, null,
                ScheduleRecords.CONFIGURATION, now)).toList();
    }

    @Override
    protected void run() {
        if (!follower.awaitCaughtUp(READ_TIMEOUT)) {
            throw new IllegalStateException("Could not read " + Topics.ONCALL_SCHEDULE + " within " + READ_TIMEOUT
                    + " to see whether it holds a schedule");
        }
        if (view.snapshot().rotation().isPresent()) {
            log.info("{} holds a schedule; the configured one is not used", Topics.ONCALL_SCHEDULE);
            return;
        }
        var now = clock.instant();
        for (ScheduledOverride o : overrides(configured, now)) {
            publisher.publish(Topics.ONCALL_SCHEDULE, ScheduleRecords.overrideKey(o.id()),
                    ScheduleRecords.entry(ScheduleRecords.override(o), ScheduleRecords.CONFIGURATION, now));
        }
        var written = publisher.publish(Topics.ONCALL_SCHEDULE, ScheduleRecords.ROTATION_KEY,
                ScheduleRecords.entry(ScheduleRecords.rotation(configured), ScheduleRecords.CONFIGURATION, now));
        follower.readBack(written, READ_TIMEOUT);
        log.info("Seeded {} from configuration: {} engineers, {} overrides", Topics.ONCALL_SCHEDULE,
                configured.rotation().size(), configured.overrides().size());
    }
}
