package no.biztek.support.kafka.timer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tasks run again and again, each every {@link Task#interval} after its last run ended, on one daemon thread of
 * their own from start to stop; a task that throws is logged and runs again at its next turn. For checks that keep
 * what they decide on topics (a month's report snapshot, a hand-over's claim) or only push what views already hold
 * (the live board's deltas): nothing is lost with the thread, so it needs none of {@link TimerIndex}'s durability.
 */
public final class PeriodicTasks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTasks.class);

    /** A task and how long to wait between its runs. */
    public record Task(String name, Duration interval, Runnable run) {

        public Task {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(run, "run");
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException(name + ": the interval must be positive, was " + interval);
            }
        }
    }

    private final String thread;
    private final List<Task> tasks;
    private final Runnable onStop;
    private volatile ScheduledExecutorService executor;

    /**
     * @param thread the thread's name
     * @param onStop run after the tasks stopped (e.g. closing what they fed)
     */
    public PeriodicTasks(String thread, List<Task> tasks, Runnable onStop) {
        this.thread = thread;
        this.tasks = List.copyOf(tasks);
        this.onStop = onStop;
    }

    /** One task on a thread of its own name. */
    public static PeriodicTasks of(Task task) {
        return new PeriodicTasks(task.name(), List.of(task), () -> {
        });
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, thread);
            daemon.setDaemon(true);
            return daemon;
        });
        for (Task task : tasks) {
            long millis = task.interval().toMillis();
            executor.scheduleWithFixedDelay(() -> runGuarded(task), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        executor = null;
        onStop.run();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private static void runGuarded(Task task) {
        try {
            task.run().run();
        } catch (RuntimeException e) {
            log.warn("{} failed, trying again in {}", task.name(), task.interval(), e);
        }
    }
}
