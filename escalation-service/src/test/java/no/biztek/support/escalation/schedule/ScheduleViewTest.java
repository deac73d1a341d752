package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static no.biztek.support.escalation.schedule.TestSchedule.PAGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.paging.PagingProperties;

/** The schedule topic folded: parts by key, deletions by tombstone, overrides in the order made, first claims. */
class ScheduleViewTest {

    private final ScheduleView view = new ScheduleView();
    private final AtomicInteger changes = new AtomicInteger();

    private void write(ScheduledOverride o) {
        view.fold(ScheduleRecords.overrideKey(o.id()), ScheduleRecords.entry(ScheduleRecords.override(o), "desk",
                o.updatedAt()));
    }

    private static ScheduledOverride override(String id, PagingProperties.Engineer engineer, int minutesLater) {
        return new ScheduledOverride(id, "SWAP", 0, NIGHT, NIGHT.plus(Duration.ofHours(2)), engineer, null, null,
                "desk", NIGHT.plus(Duration.ofMinutes(minutesLater)));
    }

    @Test
    void noScheduleUntilTheRotationIsRead() {
        view.onChange(changes::incrementAndGet);
        assertThat(view.current()).isEmpty();

        view.fold(ScheduleRecords.ROTATION_KEY, ScheduleRecords.entry(ScheduleRecords.rotation(PAGING.schedule()),
                ScheduleRecords.CONFIGURATION, NIGHT));

        assertThat(view.current()).hasValueSatisfying(s -> {
            assertThat(s.rotation()).isEqualTo(PAGING.schedule().rotation());
            assertThat(s.zone()).isEqualTo(PAGING.schedule().zone());
            assertThat(s.overrides()).isEmpty();
        });
        assertThat(changes).hasValue(1);
    }

    @Test
    void overridesApplyInTheOrderTheyWereMadeAndATombstoneDeletesOne() {
        view.fold(ScheduleRecords.ROTATION_KEY, ScheduleRecords.entry(ScheduleRecords.rotation(PAGING.schedule()),
                ScheduleRecords.CONFIGURATION, NIGHT));
        write(override("later", KARI, 5));
        write(override("earlier", OLA, 1));

        assertThat(view.snapshot().overrides()).extracting(ScheduledOverride::id).containsExactly("earlier", "later");
        assertThat(view.current().orElseThrow().overrides()).extracting(o -> o.engineer().email())
                .containsExactly(OLA.email(), KARI.email());
        assertThat(view.snapshot().override("later")).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo("SWAP");
            assertThat(o.updatedBy()).isEqualTo("desk");
        });

        view.fold(ScheduleRecords.overrideKey("later"), null);

        assertThat(view.snapshot().overrides()).extracting(ScheduledOverride::id).containsExactly("earlier");
    }

    @Test
    void feedGenerationsAreByEngineerAndTheFirstClaimOfAHandOverStays() {
        view.fold(ScheduleRecords.feedKey("Kari@Biztek.no"), ScheduleRecords.entry(
                ScheduleRecords.feed("Kari@Biztek.no", 3), "desk", NIGHT));
        view.fold(ScheduleRecords.handoverKey(NIGHT), ScheduleRecords.entry(
                ScheduleRecords.claim(NIGHT, "kari@biztek.no", "instance-a"), "hand-over", NIGHT));
        view.fold(ScheduleRecords.handoverKey(NIGHT), ScheduleRecords.entry(
                ScheduleRecords.claim(NIGHT, "kari@biztek.no", "instance-b"), "hand-over", NIGHT));

        assertThat(view.snapshot().feedGeneration("kari@biztek.no")).isEqualTo(3);
        assertThat(view.snapshot().feedGeneration("ola@biztek.no")).isZero();
        assertThat(view.snapshot().handoverClaims()).containsEntry("handover|" + NIGHT, "instance-a");

        view.fold(ScheduleRecords.handoverKey(NIGHT), null);
        assertThat(view.snapshot().handoverClaims()).as("a removed claim is forgotten").isEmpty();
    }
}
