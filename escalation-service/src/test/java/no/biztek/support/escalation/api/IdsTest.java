package no.biztek.support.escalation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    /** Ids already published must never change: a page of a breach is found again by the breach's id. */
    @Test
    void idsAreTheOnesEarlierReleasesGave() {
        assertThat(Ids.pageId("t-1", "SLA_BREACHED", "e-1")).isEqualTo("ef578359-ec3c-52d3-b78d-4a7ce2bea72d");
    }
}
