package no.biztek.support.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.file.PolicyFile;

/**
 * intake's tests run under a policy file with plans (application-test.yaml); its default plan must stay the
 * published terms, so that every other test still checks intake under them.
 */
class TestPolicyFileTest {

    private static final String TEST_POLICY = "policy/intake-plans.yaml";

    @Test
    void theDefaultPlanIsThePublishedTermsAsData() throws IOException {
        Map<String, Object> published = yaml(PolicyFile.DEFAULT_RESOURCE);
        Map<String, Object> plans = yaml(TEST_POLICY);

        assertThat(plans).extractingByKey("plans").asInstanceOf(MAP)
                .extractingByKey(PlanCatalogue.DEFAULT_PLAN)
                .isEqualTo(Map.of("versions", published.get("versions")));
    }

    @Test
    void aSecondPlanIsThereForContractsToName() {
        assertThat(PolicyFile.catalogueFromClasspath(TEST_POLICY).planNames())
                .containsExactly(PlanCatalogue.DEFAULT_PLAN, "around-the-clock");
    }

    private static Map<String, Object> yaml(String resource) throws IOException {
        try (InputStream in = TestPolicyFileTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Yaml().load(in);
        }
    }
}
