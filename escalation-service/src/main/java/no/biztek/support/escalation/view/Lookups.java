package no.biztek.support.escalation.view;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading views consistently with what any instance wrote to their topic. */
public final class Lookups {

    private static final Logger log = LoggerFactory.getLogger(Lookups.class);

    private Lookups() {
    }

    /**
     * The value if the view has it; otherwise, after reading the topic up to its current end (so what
     * another instance wrote a moment ago is seen), the value or empty.
     */
    public static <T> Optional<T> find(Supplier<Optional<T>> lookup, TopicFollower<?> follower, Duration timeout) {
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            return found;
        }
        follower.awaitCaughtUp(timeout);
        return lookup.get();
    }

    /** Waits until the view has read a record this instance just wrote, so the next read sees it. */
    public static void readBack(TopicFollower<?> follower, RecordMetadata written, Duration timeout) {
        if (!follower.awaitRead(written.partition(), written.offset(), timeout)) {
            log.warn("Did not read back {}-{}@{} within {}", written.topic(), written.partition(), written.offset(),
                    timeout);
        }
    }
}
