package no.biztek.support.escalation.paging;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.policy.Severity;

/**
 * The paging configuration of the tests: a weekly rotation Kari → Ola → Nora handing over on Mondays at
 * 09:00 Oslo time from Monday 5 January 2026; levels on-call (15 min), secondary (15 min), duty manager
 * Dina (30 min); two rounds; breaches of severity 1 page from level 2, of severity 2 from level 1.
 */
public final class TestPaging {

    public static final Engineer KARI = new Engineer("Kari Nordmann", "kari@biztek.no", null);
    public static final Engineer OLA = new Engineer("Ola Hansen", "ola@biztek.no", null);
    public static final Engineer NORA = new Engineer("Nora Berg", "nora@biztek.no", null);
    public static final Engineer DINA = new Engineer("Dina Vakt", "dina@biztek.no", null);
    public static final Engineer SUBSTITUTE = new Engineer("Siri Vikar", "siri@biztek.no", null);

    /**
     * The least a service's configuration names for paging to start (with a signing key), as property values: a
     * rotation of one engineer handing over on Mondays at 09:00 Oslo time, one level, one round.
     */
    public static final List<String> SMALLEST_CONFIGURATION = List.of(
            "support.escalation.paging.schedule.zone=Europe/Oslo",
            "support.escalation.paging.schedule.handover-day=MONDAY",
            "support.escalation.paging.schedule.handover-time=09:00",
            "support.escalation.paging.schedule.rotation-start=2026-01-05",
            "support.escalation.paging.schedule.rotation[0].name=Kari",
            "support.escalation.paging.schedule.rotation[0].email=kari@biztek.example",
            "support.escalation.paging.policy.rounds=1",
            "support.escalation.paging.policy.levels[0].name=on-call engineer",
            "support.escalation.paging.policy.levels[0].rotation-offset=0",
            "support.escalation.paging.policy.levels[0].acknowledge-within=PT15M",
            "support.escalation.paging.ack-link.base-url=https://escalation.biztek.example",
            "support.escalation.paging.ack-link.valid-for=PT24H");

    private TestPaging() {
    }

    public static PagingProperties properties() {
        return properties(List.of(KARI, OLA, NORA), DINA);
    }

    public static PagingProperties properties(List<Engineer> rotation, Engineer dutyManager) {
        var schedule = new PagingProperties.Schedule(ZoneId.of("Europe/Oslo"), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalDate.of(2026, 1, 5), rotation, List.of(new PagingProperties.Override(
                        OffsetDateTime.parse("2026-04-01T00:00:00+02:00"),
                        OffsetDateTime.parse("2026-04-03T00:00:00+02:00"), SUBSTITUTE)));
        var policy = new PagingProperties.Policy(List.of(
                new PagingProperties.Level("on-call engineer", 0, null, Duration.ofMinutes(15)),
                new PagingProperties.Level("secondary", 1, null, Duration.ofMinutes(15)),
                new PagingProperties.Level("duty manager", null, dutyManager, Duration.ofMinutes(30))), 2);
        return new PagingProperties(schedule, policy, Map.of(Severity.CRITICAL, 2, Severity.SERIOUS, 1),
                Map.of(),
                new PagingProperties.AckLink(URI.create("http://localhost:8083"),
                        "test-signing-key-0123456789abcdef0123456789", Duration.ofHours(12), null, null));
    }
}
