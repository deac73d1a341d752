package no.biztek.support.kafka.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartupStepTest {

    @Test
    void aStepRunsOnceWhenStartedAndRunsInItsPhase() {
        List<String> ran = new ArrayList<>();
        StartupStep step = new StartupStep(42) {
            @Override
            protected void run() {
                ran.add("ran");
            }
        };

        assertThat(step.isRunning()).isFalse();
        step.start();

        assertThat(ran).containsExactly("ran");
        assertThat(step.isRunning()).isTrue();
        assertThat(step.getPhase()).isEqualTo(42);
        step.stop();
        assertThat(step.isRunning()).isFalse();
    }

    @Test
    void aStepThatFailsFailsStartUpAndIsNotRunning() {
        StartupStep step = new StartupStep(0) {
            @Override
            protected void run() {
                throw new IllegalStateException("topics are not co-partitioned");
            }
        };

        assertThatThrownBy(step::start).hasMessage("topics are not co-partitioned");
        assertThat(step.isRunning()).isFalse();
    }
}
