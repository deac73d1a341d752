package no.biztek.support.policy.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.biztek.support.policy.InvalidPolicyException;
import no.biztek.support.policy.PolicyHistory;

/** Every bad policy fails with a message naming the file and the field. */
class PolicyFileErrorsTest {

    private static final String VALID = """
            versions:
              - id: v1
                effectiveFrom: "2020-01-01T00:00:00+01:00"
                calendar:
                  zone: Europe/Oslo
                  openingHours:
                    MONDAY: "07:00-16:00"
                    FRIDAY: "07:00-16:00"
                severities:
                  1: {name: Critical, firstResponseTarget: PT1H, pagesAroundTheClock: true}
                  2: {name: Serious, firstResponseTarget: PT4H}
                  3: {name: Less serious, firstResponseTarget: PT8H}
                warningThresholds: [50, 75, 90]
                downgradeReasons: [CUSTOMER_RESOURCES_UNAVAILABLE]
                keepInformedCadence: PT4H
                vendorEscalation:
                  billingIncrement: PT1H
                  hourlyRateNok: "1250.00"
                  afterHoursMultiplier: "1.5"
            """;

    @Test
    void theValidBaseLoads() {
        PolicyHistory history = PolicyFile.parse("ok.yaml", VALID);
        assertThat(history.versions()).singleElement().satisfies(v -> assertThat(v.id()).isEqualTo("v1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            severity without target      | 'firstResponseTarget: PT4H}'        | '}'                              | versions[0].severities.2.firstResponseTarget: is missing
            missing severity             | '  3: {name: Less serious, firstResponseTarget: PT8H}' | ''              | versions[0].severities.3: is missing
            zero target                  | PT8H                                | PT0S                             | versions[0].severities.3.firstResponseTarget: must be a positive duration
            negative target              | PT8H                                | PT-8H                            | versions[0].severities.3.firstResponseTarget: must be a positive duration
            unparsable target            | PT8H                                | 8 hours                          | versions[0].severities.3.firstResponseTarget: must be an ISO-8601 duration
            zero cadence                 | 'keepInformedCadence: PT4H'         | 'keepInformedCadence: PT0S'      | versions[0].keepInformedCadence: must be a positive duration
            negative increment           | 'billingIncrement: PT1H'            | 'billingIncrement: -PT1H'        | versions[0].vendorEscalation.billingIncrement: must be a positive duration
            unknown zone                 | Europe/Oslo                         | Europe/Bergen                    | versions[0].calendar.zone: must be a time zone id
            threshold above 100          | '[50, 75, 90]'                      | '[50, 75, 120]'                  | versions[0].warningThresholds: warning thresholds must lie between 0 and 100
            threshold of zero            | '[50, 75, 90]'                      | '[0, 75, 90]'                    | versions[0].warningThresholds: warning thresholds must lie between 0 and 100
            thresholds not ascending     | '[50, 75, 90]'                      | '[75, 50]'                       | versions[0].warningThresholds: warning thresholds must be strictly ascending
            hours ending before start    | 'FRIDAY: "07:00-16:00"'             | 'FRIDAY: "16:00-07:00"'          | versions[0].calendar.openingHours.FRIDAY: must be opening hours such as 07:00-16:00, was '16:00-07:00' (opening hours must end after they start
            unparsable hours             | 'FRIDAY: "07:00-16:00"'             | 'FRIDAY: "7-16"'                 | versions[0].calendar.openingHours.FRIDAY: must be opening hours such as 07:00-16:00
            unknown weekday              | 'FRIDAY: "07:00-16:00"'             | 'FREDAG: "07:00-16:00"'          | versions[0].calendar.openingHours.FREDAG: unknown field
            unknown field                | 'keepInformedCadence: PT4H'         | 'keepInformedCadense: PT4H'      | versions[0].keepInformedCadense: unknown field
            effectiveFrom without offset | '"2020-01-01T00:00:00+01:00"'       | '"2020-01-01"'                   | versions[0].effectiveFrom: must be an ISO-8601 timestamp with offset
            negative rate                | '"1250.00"'                         | '"-1"'                           | versions[0].vendorEscalation: hourly rate must not be negative
            multiplier below one         | '"1.5"'                             | '"0.5"'                          | versions[0].vendorEscalation: after-hours multiplier must be at least 1
            bad downgrade reason         | '[CUSTOMER_RESOURCES_UNAVAILABLE]'  | '[no resources]'                 | versions[0].downgradeReasons[0]: must be an UPPER_SNAKE_CASE reason code
            pages not a boolean          | 'pagesAroundTheClock: true'         | 'pagesAroundTheClock: yes'       | versions[0].severities.1.pagesAroundTheClock: must be true or false
            resolution before response   | 'firstResponseTarget: PT4H}'        | 'firstResponseTarget: PT4H, resolutionTarget: PT2H}' | versions[0].severities.2: resolution target PT2H must not be shorter than the first-response target PT4H
            pause for an unknown metric  | 'warningThresholds: [50, 75, 90]'   | 'pauseReasons: {RESOLVED: [first-response, resolution], WAITING_ON_VENDOR: [vendor]}' | versions[0].pauseReasons.WAITING_ON_VENDOR[0]: must be a metric, one of [first-response, resolution], was 'vendor'
            versions and plans           | 'versions:'                         | 'plans: {}\nversions:'           | must give either versions (the default plan alone) or plans, not both
            """)
    void badFieldIsNamed(String what, String replace, String with, String expectedMessage) {
        String yaml = VALID.replace(replace, with.replace("\\n", "\n"));
        assertThat(yaml).as("test setup changed the policy").isNotEqualTo(VALID);

        assertThatThrownBy(() -> PolicyFile.parse("bad.yaml", yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("bad.yaml: " + expectedMessage);
    }

    @Test
    void duplicateVersionIdsAreRefused() {
        String twoVersions = VALID + VALID.substring(VALID.indexOf("  - id")).replace("2020-01-01T", "2024-01-01T");

        assertThatThrownBy(() -> PolicyFile.parse("dup.yaml", twoVersions))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("dup.yaml: ")
                .hasMessageContaining("duplicate policy version id 'v1'");
    }

    @Test
    void overlappingVersionsAreRefused() {
        String twoVersions = VALID + VALID.substring(VALID.indexOf("  - id")).replace("id: v1", "id: v2");

        assertThatThrownBy(() -> PolicyFile.parse("overlap.yaml", twoVersions))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("overlap.yaml: ")
                .hasMessageContaining("'v1' and 'v2' overlap");
    }

    @Test
    void duplicateKeysAreRefused() {
        String yaml = VALID.replace("keepInformedCadence: PT4H", "keepInformedCadence: PT4H\n    keepInformedCadence: PT8H");

        assertThatThrownBy(() -> PolicyFile.parse("keys.yaml", yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("keys.yaml: not valid YAML")
                .hasMessageContaining("keepInformedCadence");
    }

    @Test
    void noVersionsIsRefused() {
        assertThatThrownBy(() -> PolicyFile.parse("empty.yaml", "versions: []"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("empty.yaml: versions: must list at least one policy version");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = Path.of("no-such-policy.yaml");
        assertThatThrownBy(() -> PolicyFile.fromFile(missing))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("no-such-policy.yaml: cannot be read");
    }

    @Test
    void theVersionInForceIsPickedByOpeningInstant() {
        String twoVersions = VALID + VALID.substring(VALID.indexOf("  - id")).replace("id: v1", "id: v2")
                .replace("2020-01-01T00:00:00+01:00", "2026-06-01T00:00:00+02:00").replace("PT1H, pages", "PT2H, pages");
        PolicyHistory history = PolicyFile.parse("two.yaml", twoVersions);

        assertThat(history.inForceAt(Instant.parse("2026-05-31T21:59:59Z")).id()).isEqualTo("v1");
        assertThat(history.inForceAt(Instant.parse("2026-05-31T22:00:00Z")).id()).isEqualTo("v2");
        assertThat(history.byId("v1")).isPresent();
        assertThatThrownBy(() -> history.inForceAt(Instant.parse("2019-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no policy version is in force at 2019-01-01T00:00:00Z");
    }
}
