package no.biztek.support.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PauseRulesTest {

    @Test
    void reasonsAreDataAndMayPauseNothing() {
        Map<String, Set<Metric>> reasons = new LinkedHashMap<>();
        reasons.put("RESOLVED", EnumSet.allOf(Metric.class));
        reasons.put("WAITING_ON_CHANGE_WINDOW", EnumSet.of(Metric.RESOLUTION));
        reasons.put("ON_HOLD", Set.of());
        PauseRules rules = new PauseRules(reasons);

        assertThat(rules.pauses("WAITING_ON_CHANGE_WINDOW", Metric.RESOLUTION)).isTrue();
        assertThat(rules.pauses("WAITING_ON_CHANGE_WINDOW", Metric.FIRST_RESPONSE)).isFalse();
        assertThat(rules.knows("ON_HOLD")).isTrue();
        assertThat(rules.pauses("ON_HOLD", Metric.RESOLUTION)).isFalse();
        assertThat(rules.pauses("NEVER_HEARD_OF", Metric.RESOLUTION)).isFalse();
        assertThat(rules.reasons()).containsExactly("RESOLVED", "WAITING_ON_CHANGE_WINDOW", "ON_HOLD");
    }

    @Test
    void theRulesCannotBeChangedAfterwards() {
        Map<String, Set<Metric>> reasons = new LinkedHashMap<>(PauseRules.DEFAULT.pausedMetrics());
        PauseRules rules = new PauseRules(reasons);
        reasons.put("LATER", EnumSet.of(Metric.RESOLUTION));

        assertThat(rules.knows("LATER")).isFalse();
        assertThatThrownBy(() -> rules.pausedMetrics().get("RESOLVED").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void timeWhileResolvedNeverCounts() {
        assertThatThrownBy(() -> new PauseRules(Map.of("RESOLVED", EnumSet.of(Metric.FIRST_RESPONSE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RESOLVED must pause every metric [first-response, resolution], was [first-response]");
        assertThatThrownBy(() -> new PauseRules(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must list RESOLVED, pausing every metric [first-response, resolution]");
    }

    @Test
    void metricsAreNamedAsInTheFile() {
        assertThat(Metric.byId("first-response")).hasValue(Metric.FIRST_RESPONSE);
        assertThat(Metric.byId("resolution")).hasValue(Metric.RESOLUTION);
        assertThat(Metric.byId("RESOLUTION")).isEmpty();
    }
}
