package no.biztek.support.kafka.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How often a record whose listener failed is tried again before it is dead-lettered, chosen by the failure: one
 * caused by something that is away for a while (Kafka not acknowledging a write) is retried until it is back, so
 * nothing is dead-lettered for an outage; any other failure as the given back-off says, so one record cannot stall
 * its partition. Failures that can never succeed are not retried at all ({@link ListenerDeadLetters}).
 */
public final class ListenerRetries {

    static final long FIRST_WAIT_MS = 500;
    /** Well below the consumer's {@code max.poll.interval.ms}: the container sleeps between tries. */
    static final long LONGEST_WAIT_MS = 30_000;

    private final BackOff otherwise;
    private final List<Class<? extends Throwable>> untilBack;

    private ListenerRetries(BackOff otherwise, List<Class<? extends Throwable>> untilBack) {
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
        this.untilBack = List.copyOf(untilBack);
    }

    /**
     * Every failure is retried as {@code backOff} says (e.g. {@code new FixedBackOff(1_000, 3)}), then dead-lettered.
     */
    public static ListenerRetries of(BackOff backOff) {
        return new ListenerRetries(backOff, List.of());
    }

    /** Besides: a failure caused by {@code unavailable} is retried until it stops happening, never dead-lettered. */
    public ListenerRetries untilBack(Class<? extends Throwable> unavailable) {
        List<Class<? extends Throwable>> types = new ArrayList<>(untilBack);
        types.add(Objects.requireNonNull(unavailable, "unavailable"));
        return new ListenerRetries(otherwise, types);
    }

    /** The retries of a record that failed with {@code failure} (its causes included). */
    public BackOff backOffFor(Throwable failure) {
        boolean away = Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
                .anyMatch(cause -> untilBack.stream().anyMatch(type -> type.isInstance(cause)));
        if (away) {
            ExponentialBackOff untilItIsBack = new ExponentialBackOff(FIRST_WAIT_MS, 2.0);
            untilItIsBack.setMaxInterval(LONGEST_WAIT_MS);
            return untilItIsBack;
        }
        return otherwise;
    }
}
