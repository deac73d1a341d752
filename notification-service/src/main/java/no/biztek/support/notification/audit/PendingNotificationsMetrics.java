package no.biztek.support.notification.audit;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.notification.audit.PendingIndex.Summary;
import no.biztek.support.notification.stage.StoreNames;

/**
 * {@code support_notifications_pending_oldest_age_seconds}: how long the oldest notification this instance's
 * partitions decided to send has been waiting for an outcome (0 when none is pending; NaN while the store is
 * unavailable), and {@code support_notifications_pending} (how many).
 */
class PendingNotificationsMetrics {

    private final StreamsRunner streams;
    private final Clock clock;

    PendingNotificationsMetrics(StreamsRunner streams, Clock clock, MeterRegistry registry) {
        this.streams = streams;
        this.clock = clock;
        Gauge.builder("support.notifications.pending.oldest.age", this, PendingNotificationsMetrics::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest notification without an outcome (sent or failed)")
                .register(registry);
        Gauge.builder("support.notifications.pending", this, PendingNotificationsMetrics::count)
                .description("Notifications without an outcome (sent or failed)")
                .register(registry);
    }

    double oldestAgeSeconds() {
        Summary summary = summary();
        if (summary == null) {
            return Double.NaN;
        }
        if (summary.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(summary.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    double count() {
        Summary summary = summary();
        return summary == null ? Double.NaN : summary.count();
    }

    private Summary summary() {
        if (!streams.isReady()) {
            return null;
        }
        try {
            ReadOnlyKeyValueStore<Bytes, byte[]> store = streams.store(StoreNames.PENDING,
                    QueryableStoreTypes.keyValueStore(), Duration.ZERO);
            return PendingIndex.summarize(store);
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }
}
