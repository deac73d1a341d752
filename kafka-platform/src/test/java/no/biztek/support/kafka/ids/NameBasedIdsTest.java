package no.biztek.support.kafka.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameBasedIdsTest {

    /** RFC 9562 appendix A.4: "www.example.com" in the DNS namespace. */
    @Test
    void versionFiveAsTheRfcComputesIt() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        UUID id = NameBasedIds.uuid5(dns, "www.example.com");

        assertThat(id).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void theSameNameGivesTheSameIdAndPartsCannotShiftIntoEachOther() {
        UUID namespace = UUID.fromString("0b9e7f0e-3c2a-4f65-8a1d-5e4b3c2a1f09");

        assertThat(NameBasedIds.of(namespace, "t-1", "opened", "0")).isEqualTo(NameBasedIds.of(namespace, "t-1",
                "opened", "0"));
        assertThat(NameBasedIds.of(namespace, "a", "bc")).isNotEqualTo(NameBasedIds.of(namespace, "ab", "c"));
        assertThat(NameBasedIds.of(namespace, "x")).isNotEqualTo(NameBasedIds.of(UUID.randomUUID(), "x"));
    }
}
