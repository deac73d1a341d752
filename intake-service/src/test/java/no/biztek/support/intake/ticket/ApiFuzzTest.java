package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.schemas.topic.Topics;

/**
 * Random and mutated bodies against the API: only 2xx and 4xx answers, never 5xx, and exactly the
 * accepted requests publish anything.
 */
class ApiFuzzTest extends IntakeIntegrationTest {

    private static final int BODIES = 1_200;
    private static final String[] FIELDS = {"source", "externalId", "customerId", "severity", "title", "description",
            "requester", "channel", "vendor", "vendorService", "openedAt"};
    private static final String[] VALUES = {"null", "true", "0", "-1", "4", "2", "1e309", "\"\"", "\" \"", "[]", "{}",
            "\"PORTAL\"", "\"FAX\"", "\"2026-01-01T00:00:00Z\"", "\"2999-01-01T00:00:00Z\"", "\"not a date\"",
            "\"kari@kunde.no\"", "\"\\u0000\"", "\"ÆØÅ æøå 😀\"", "12345678901234567890", "{\"name\": 1}",
            "[1, 2, 3]", "\"" + "x".repeat(600) + "\""};

    private final Random random = new Random(20261125);

    @Test
    void onlyClientOrSuccessAnswersAndNothingPublishedForRefusals() {
        long before = count(Topics.TICKET_EVENTS.name());
        Set<String> published = new HashSet<>();
        List<String> serverErrors = new ArrayList<>();

        for (int i = 0; i < BODIES; i++) {
            String body = body(i);
            HttpResponse<String> response = post(path(i), body, WRITER);
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
            case 7 -> "/api/v1/tickets/" + java.util.UUID.randomUUID() + "/first-response";
            case 8 -> "/api/v1/tickets/" + java.util.UUID.randomUUID() + "/severity";
            default -> "/api/v1/tickets";
        };
    }

    private String body(int i) {
        String valid = TicketApiTest.openBody(unique("FUZZ"), 1 + random.nextInt(3), null);
        return switch (random.nextInt(8)) {
            case 0 -> valid;
            case 1 -> replaceValue(valid);
            case 2 -> removeField(valid);
            case 3 -> valid.substring(0, random.nextInt(valid.length()));
            case 4 -> insertGarbage(valid);
            case 5 -> randomJson(3);
            case 6 -> valid.replaceFirst("\\{", "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\": "
                    + VALUES[random.nextInt(VALUES.length)] + ", ");
            default -> randomBytes();
        };
    }

    private String replaceValue(String valid) {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        return valid.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+|\\{[^}]*})",
                "\"" + field + "\": " + VALUES[random.nextInt(VALUES.length)]);
    }

    private String removeField(String valid) {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        return valid.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+|\\{[^}]*}),?", "");
    }

    private String insertGarbage(String valid) {
        int at = random.nextInt(valid.length());
        String garbage = switch (random.nextInt(5)) {
            case 0 -> "}";
            case 1 -> "\"";
            case 2 -> ",,";
            case 3 -> "\\";
            default -> String.valueOf((char) random.nextInt(0x2000));
        };
        return valid.substring(0, at) + garbage + valid.substring(at);
    }

    private String randomJson(int depth) {
        if (depth == 0) {
            return VALUES[random.nextInt(VALUES.length)];
        }
        return switch (random.nextInt(3)) {
            case 0 -> {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    object.append(k == 0 ? "" : ",").append('"').append(FIELDS[random.nextInt(FIELDS.length)])
                            .append("\": ").append(randomJson(depth - 1));
                }
                yield object.append('}').toString();
            }
            case 1 -> "[" + randomJson(depth - 1) + "]";
            default -> VALUES[random.nextInt(VALUES.length)];
        };
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
