package no.biztek.support.kafka.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class PeriodicTasksTest {

    @Test
    void everyTaskRunsAgainAndAgainAndOneThatThrowsGoesOn() {
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        PeriodicTasks tasks = new PeriodicTasks("test-tasks", List.of(
                new PeriodicTasks.Task("count", Duration.ofMillis(10), counted::incrementAndGet),
                new PeriodicTasks.Task("fail", Duration.ofMillis(10), () -> {
                    failed.incrementAndGet();
                    throw new IllegalStateException("Kafka does not answer");
                })), () -> {
                });
        tasks.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> counted.get() >= 3 && failed.get() >= 3);
            assertThat(tasks.isRunning()).isTrue();
        } finally {
            tasks.stop();
        }
    }

    @Test
    void stoppingEndsTheRunsAndThenRunsOnStopOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        PeriodicTasks tasks = new PeriodicTasks("test-stop",
                List.of(new PeriodicTasks.Task("count", Duration.ofMillis(10), runs::incrementAndGet)),
                stopped::incrementAndGet);
        tasks.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() >= 1);

        tasks.stop();
        tasks.stop();
        int afterStop = runs.get();
        Thread.sleep(100);

        assertThat(tasks.isRunning()).isFalse();
        assertThat(stopped.get()).isEqualTo(1);
        assertThat(runs.get()).as("no run after stop (one in flight at most)").isLessThanOrEqualTo(afterStop + 1);
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new PeriodicTasks.Task("close months", Duration.ZERO, () -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close months");
    }
}
