package no.biztek.support.escalation.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeltaLogTest {

    @Test
    void resumesWithWhatWasMissedWhileTheLogReachesBack() {
        DeltaLog<String> log = new DeltaLog<>(3, 0);
        for (String delta : new String[] {"a", "b", "c", "d"}) {
            log.append(delta);
        }

        assertThat(log.last()).isEqualTo(4);
        assertThat(log.after(1)).get().satisfies(missed -> assertThat(missed).extracting(DeltaLog.Entry::delta)
                .containsExactly("b", "c", "d"));
        assertThat(log.after(3)).get().satisfies(missed -> assertThat(missed).extracting(DeltaLog.Entry::seq)
                .containsExactly(4L));
        assertThat(log.after(4)).get().satisfies(missed -> assertThat(missed).isEmpty());
    }

    @Test
    void needsASnapshotOnceTheLogNoLongerReachesBackOrForAnIdItNeverGaveOut() {
        DeltaLog<String> log = new DeltaLog<>(2, 0);
        log.append("a");
        log.append("b");
        log.append("c");

        assertThat(log.after(0)).as("'a' was dropped").isEmpty();
        assertThat(log.after(1)).isPresent();
        assertThat(log.after(7)).as("from the future (another stream)").isEmpty();
        assertThat(log.after(-1)).isEmpty();
    }

    @Test
    void anEmptyLogResumesOnlyItsStart() {
        DeltaLog<String> log = new DeltaLog<>(5, 0);

        assertThat(log.after(0)).get().satisfies(missed -> assertThat(missed).isEmpty());
        assertThatThrownBy(() -> new DeltaLog<String>(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
