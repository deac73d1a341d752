package no.biztek.support.policy.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.biztek.support.policy.InvalidPolicyException;
import no.biztek.support.policy.PlanCatalogue;

/** Every bad plan, resolution target or pause reason fails with a message naming the file and the field. */
class PlanFileErrorsTest {

    private static final String VALID = """
            plans:
              standard:
                versions:
                  - id: s1
                    effectiveFrom: "2020-01-01T00:00:00+01:00"
                    calendar: {zone: Europe/Oslo, openingHours: {MONDAY: "07:00-16:00"}}
                    severities:
                      1: {name: Critical, firstResponseTarget: PT1H}
                      2: {name: Serious, firstResponseTarget: PT4H}
                      3: {name: Less serious, firstResponseTarget: PT8H}
                    downgradeReasons: [CUSTOMER_RESOURCES_UNAVAILABLE]
                    keepInformedCadence: PT4H
                    vendorEscalation: {billingIncrement: PT1H, hourlyRateNok: "1250", afterHoursMultiplier: "1"}
              gold:
                versions:
                  - id: g1
                    effectiveFrom: "2024-01-01T00:00:00+01:00"
                    calendar: {zone: Europe/Oslo, openingHours: {MONDAY: "07:00-16:00"}}
                    severities:
                      1:
                        name: Critical
                        firstResponseTarget: PT30M
                        resolutionTarget: PT4H
                        calendar: {zone: Europe/Oslo, openingHours: {SUNDAY: "00:00-24:00"}, publicHolidays: NONE}
                      2: {name: Serious, firstResponseTarget: PT2H, resolutionTarget: PT16H}
                      3: {name: Less serious, firstResponseTarget: PT8H}
                    pauseReasons:
                      RESOLVED: [first-response, resolution]
                      WAITING_ON_CUSTOMER: [resolution]
                      ON_HOLD: []
                    downgradeReasons: [CUSTOMER_RESOURCES_UNAVAILABLE]
                    keepInformedCadence: PT2H
                    vendorEscalation: {billingIncrement: PT1H, hourlyRateNok: "1250", afterHoursMultiplier: "1"}
            """;

    @Test
    void theValidBaseLoads() {
        PlanCatalogue plans = PolicyFile.parseCatalogue("ok.yaml", VALID);

        assertThat(plans.planNames()).containsExactly("standard", "gold");
        assertThat(plans.plan("gold").orElseThrow().versions().get(0).pauseRules().knows("ON_HOLD")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plan name not lower case     | gold:                               | Gold:                             | plans.Gold: a plan name must be lower-case words joined by '-'
            plan name with a space       | gold:                               | gold plan:                        | plans.gold plan: a plan name must be lower-case words joined by '-'
            default plan missing         | standard:                           | basic:                            | plans: the default plan 'standard' is missing; plans were [basic, gold]
            version id in two plans      | id: g1                              | id: s1                            | plans: policy version id 's1' is used by plans 'standard' and 'gold'
            unknown plan field           | gold:\\n    versions:                | gold:\\n    version:               | plans.gold.version: unknown field (expected one of [versions])
            zero resolution target       | resolutionTarget: PT4H              | resolutionTarget: PT0S            | plans.gold.versions[0].severities.1.resolutionTarget: must be a positive duration
            unparsable resolution target | resolutionTarget: PT16H             | resolutionTarget: 16 hours        | plans.gold.versions[0].severities.2.resolutionTarget: must be an ISO-8601 duration
            resolution before response   | resolutionTarget: PT16H             | resolutionTarget: PT1H            | plans.gold.versions[0].severities.2: resolution target PT1H must not be shorter than the first-response target PT2H
            unknown severity field       | resolutionTarget: PT16H             | resolveTarget: PT16H              | plans.gold.versions[0].severities.2.resolveTarget: unknown field
            bad severity calendar        | SUNDAY: "00:00-24:00"               | SONDAG: "00:00-24:00"             | plans.gold.versions[0].severities.1.calendar.openingHours.SONDAG: unknown field
            unknown metric               | WAITING_ON_CUSTOMER: [resolution]   | WAITING_ON_CUSTOMER: [resolve]    | plans.gold.versions[0].pauseReasons.WAITING_ON_CUSTOMER[0]: must be a metric, one of [first-response, resolution], was 'resolve'
            pause reason not a code      | WAITING_ON_CUSTOMER:                | waiting on customer:              | plans.gold.versions[0].pauseReasons.waiting on customer: must be an UPPER_SNAKE_CASE reason code, was 'waiting on customer'
            pause metrics not a list     | ON_HOLD: []                         | 'ON_HOLD: {resolution: yes}'      | plans.gold.versions[0].pauseReasons.ON_HOLD: must be a list, was a mapping
            RESOLVED not listed          | RESOLVED: [                         | SOLVED: [                         | plans.gold.versions[0].pauseReasons: must list RESOLVED, pausing every metric [first-response, resolution]
            RESOLVED pausing too little  | RESOLVED: [first-response,          | RESOLVED: [                       | plans.gold.versions[0].pauseReasons: RESOLVED must pause every metric [first-response, resolution], was [resolution]
            """)
    void badFieldIsNamed(String what, String replace, String with, String expectedMessage) {
        String yaml = VALID.replace(replace.replace("\\n", "\n"), with.replace("\\n", "\n"));
        assertThat(yaml).as("test setup changed the policy").isNotEqualTo(VALID);

        assertThatThrownBy(() -> PolicyFile.parseCatalogue("bad.yaml", yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("bad.yaml: " + expectedMessage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            versions and plans   | 'versions: []\\nplans: {}'                 | bad.yaml: must give either versions (the default plan alone) or plans, not both
            neither              | '{}'                                        | bad.yaml: must give either versions (the default plan alone) or plans
            plans as a list      | 'plans: [standard]'                         | bad.yaml: plans: must be a mapping, was a list
            plan without versions| 'plans: {standard: {}}'                     | bad.yaml: plans.standard.versions: is missing
            plan with no version | 'plans: {standard: {versions: []}}'         | bad.yaml: plans.standard.versions: must list at least one policy version
            """)
    void badFileShapeIsNamed(String what, String yaml, String expectedMessage) {
        assertThatThrownBy(() -> PolicyFile.parseCatalogue("bad.yaml", yaml.replace("\\n", "\n")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void overlappingVersionsOfAPlanAreNamedWithThePlan() {
        String gold = VALID.substring(VALID.indexOf("      - id: g1"));
        String yaml = VALID + gold.replace("id: g1", "id: g2");

        assertThatThrownBy(() -> PolicyFile.parseCatalogue("overlap.yaml", yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("overlap.yaml: plans.gold: policy versions 'g1' and 'g2' overlap");
    }

    @Test
    void aPlansFileGivesItsDefaultPlanToCallersOfOnePlan() {
        assertThat(PolicyFile.parse("ok.yaml", VALID).versions()).singleElement()
                .satisfies(v -> assertThat(v.id()).isEqualTo("s1"));
    }
}
