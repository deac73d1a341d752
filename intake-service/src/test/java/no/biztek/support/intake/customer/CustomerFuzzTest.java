package no.biztek.support.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.JsonMutations;
import no.biztek.support.schemas.topic.Topics;

/** Random and mutated customer bodies: only 2xx and 4xx answers, and only accepted ones are written. */
class CustomerFuzzTest extends IntakeIntegrationTest {

    private static final int BODIES = 500;

    private final JsonMutations mutations = new JsonMutations(20261126,
            List.of("name", "locale", "notificationContacts", "email", "contract", "vendorEscalationIncluded",
                    "billingIncrementMinutes", "hourlyRateNok", "afterHoursMultiplier", "plan"),
            List.of("\"nb\"", "\"en\"", "\"sv\"", "1450.500", "99999999.999", "1e8", "0.001", "1440", "1441",
                    "\"it@kunde.no\"", "[{\"name\": \"x\", \"email\": \"x@kunde.no\"}]", "\"around-the-clock\"",
                    "\"gold\""));

    @Test
    void onlyClientOrSuccessAnswersAndNothingWrittenForRefusals() {
        long before = count(Topics.CUSTOMERS.name());
        int written = 0;
        List<String> serverErrors = new ArrayList<>();

        for (int i = 0; i < BODIES; i++) {
            String body = mutations.mutate(CustomerApiTest.BODY);
            HttpResponse<String> response = api.put("/api/v1/customers/" + unique("fuzz"), body, DIRECTORY);
            int status = response.statusCode();
            if (status >= 500) {
                serverErrors.add(status + " for " + body + " -> " + response.body());
            } else if (status == 200) {
                written++;
            } else {
                assertThat(status).as(body).isBetween(400, 499);
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(written).as("some mutations stay valid").isPositive();
        assertThat(count(Topics.CUSTOMERS.name()) - before).isEqualTo(written);
    }
}
