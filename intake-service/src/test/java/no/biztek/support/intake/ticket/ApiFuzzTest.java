package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.JsonMutations;
import no.biztek.support.schemas.topic.Topics;

/**
 * Random and mutated bodies against the API: only 2xx and 4xx answers, never 5xx, and exactly the
 * accepted requests publish anything.
 */
class ApiFuzzTest extends IntakeIntegrationTest {

    private static final int BODIES = 1_200;

    private final JsonMutations mutations = new JsonMutations(20261125,
            List.of("source", "externalId", "customerId", "severity", "title", "description", "requester", "channel",
                    "vendor", "vendorService", "openedAt"),
            List.of("\"PORTAL\"", "\"FAX\"", "\"2026-01-01T00:00:00Z\"", "\"2999-01-01T00:00:00Z\"",
                    "\"kari@kunde.no\""));

    @Test
    void onlyClientOrSuccessAnswersAndNothingPublishedForRefusals() {
        long before = count(Topics.TICKET_EVENTS.name());
        Set<String> published = new HashSet<>();
        List<String> serverErrors = new ArrayList<>();

        for (int i = 0; i < BODIES; i++) {
            String body = mutations.mutate(TicketApiTest.openBody(unique("FUZZ"), 1 + mutations.nextInt(3), null));
            HttpResponse<String> response = api.post(path(i), body, WRITER);
            int status = response.statusCode();
            if (status >= 500) {
                serverErrors.add(status + " for " + body + " -> " + response.body());
            } else if (status == 202 && "PUBLISHED".equals(json(response).get("outcome").asString())) {
                published.add(json(response).get("eventId").asString());
            } else {
                assertThat(status).as(body).isBetween(200, 499);
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(published).as("some mutations stay valid").isNotEmpty();
        assertThat(count(Topics.TICKET_EVENTS.name()) - before).isEqualTo(published.size());
    }

    private String path(int i) {
        return switch (i % 10) {
            case 7 -> "/api/v1/tickets/" + UUID.randomUUID() + "/first-response";
            case 8 -> "/api/v1/tickets/" + UUID.randomUUID() + "/severity";
            case 9 -> "/api/v1/tickets/" + UUID.randomUUID() + "/hold";
            default -> "/api/v1/tickets";
        };
    }
}
