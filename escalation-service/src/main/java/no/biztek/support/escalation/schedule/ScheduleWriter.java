package no.biztek.support.escalation.schedule;

import java.time.Duration;

import org.apache.kafka.clients.producer.RecordMetadata;

import no.biztek.support.escalation.api.Problems;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.topic.Topics;

/**
 * Reads the schedule topic up to now before a change is validated, and writes a change so that the next read sees
 * it: publishes and waits for the broker's acknowledgement, then for this instance's view to have read it. Either
 * not happening in time is a 503 with Retry-After (nothing decided on a stale view; a retry makes the same change).
 */
final class ScheduleWriter {

    private final AcknowledgedPublisher publisher;
    private final TopicFollower<OnCallScheduleEntry> follower;
    private final Duration lookupTimeout;
    private final Duration retryAfter;

    ScheduleWriter(AcknowledgedPublisher publisher, TopicFollower<OnCallScheduleEntry> follower,
                   Duration lookupTimeout, Duration retryAfter) {
        this.publisher = publisher;
        this.follower = follower;
        this.lookupTimeout = lookupTimeout;
        this.retryAfter = retryAfter;
    }

    /** Reads the topic up to its current end; 503 when that does not happen in time. */
    void readUpToNow() {
        if (!follower.awaitCaughtUp(lookupTimeout)) {
            throw Problems.unavailable("Could not read the on-call schedule in time; retry later.", retryAfter);
        }
    }

    /** Writes the entry (null: deletes the key) and reads it back. */
    RecordMetadata write(String key, OnCallScheduleEntry entry) {
        RecordMetadata written = publisher.publish(Topics.ONCALL_SCHEDULE, key, entry);
        if (!follower.readBack(written, lookupTimeout)) {
            throw Problems.unavailable("The schedule change was recorded but not read back in time; retry later "
                    + "(a retry makes the same change).", retryAfter);
        }
        return written;
    }
}
