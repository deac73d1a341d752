package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The same facts in any interleaving (across topics and within them) give the same report. */
class ReportOrderPropertyTest {

    private static final SlaReport IN_ORDER = ReportFixtures.report(ReportFixtures.ledger(ReportFixtures.october()));

    @Property(tries = 200)
    void theSameFactsInAnyOrderGiveTheSameReport(@ForAll("interleavings") List<Object> events) {
        assertThat(ReportFixtures.report(ReportFixtures.ledger(events))).isEqualTo(IN_ORDER);
    }

    @Provide
    Arbitrary<List<Object>> interleavings() {
        return Arbitraries.shuffle(ReportFixtures.october());
    }
}
