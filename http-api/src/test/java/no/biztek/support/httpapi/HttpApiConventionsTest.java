package no.biztek.support.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared conventions, through a real server: tokens and scopes, problem documents, actuator exposure. */
@SpringBootTest(classes = ExampleApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpApiConventionsTest {

    private static final String VALID = """
            {"name": "x", "severity": 2, "color": "RED", "email": "kari@kunde.no"}""";

    @LocalServerPort
    int port;

    @Autowired
    ExampleApiApplication.ThingController controller;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void resetWrites() {
        controller.writes.set(0);
    }

    @Test
    void missingTokenIs401WithProblemAndChallenge() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", VALID, null));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void unknownTokenIs401() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", VALID, "guessed-token"));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void tokenWithoutWriteScopeIs403AndNothingIsWritten() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", VALID, "reader-token"));

        assertProblem(response, 403);
        assertThat(body(response).get("detail").asString()).contains("tickets:write");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void tokenWithAnotherServicesWriteScopeIs403() throws Exception {
        assertProblem(send(post("/api/v1/things", VALID, "escalator-token")), 403);
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void readNeedsTheReadScope() throws Exception {
        assertThat(send(get("/api/v1/things/abc", "reader-token")).statusCode()).isEqualTo(200);
        assertProblem(send(get("/api/v1/things/abc", "escalator-token")), 403);
        assertProblem(send(get("/api/v1/things/abc", null)), 401);
    }

    @Test
    void writerWritesOnce() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", VALID, "writer-token"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(controller.writes).hasValue(1);
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things",
                "{\"name\": \" \", \"severity\": 4, \"color\": \"RED\", \"email\": \"not-an-email\"}", "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsEntry("name", "must not be blank")
                .containsEntry("severity", "must be less than or equal to 3")
                .containsEntry("email", "must be a well-formed email address");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void missingFieldsAreListed() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", "{}", "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsKeys("name", "severity", "color", "email");
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheChoices() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", VALID.replace("RED", "BLUE"), "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsEntry("color", "must be one of [RED, GREEN], was 'BLUE'");
    }

    @Test
    void unknownFieldsAreRefused() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things",
                VALID.replace("\"name\"", "\"severty\": 1, \"name\""), "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsEntry("severty", "unknown field");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things", "{\"name\": ", "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsKey("body");
    }

    @Test
    void badInstantIs400() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things",
                VALID.replace("}", ", \"at\": \"yesterday\"}"), "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsKey("at");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/things"))
                .header("Authorization", "Bearer writer-token").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)).build();

        assertProblem(send(request), 415);
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String big = VALID.replace("\"x\"", "\"" + "x".repeat(2000) + "\"");

        assertProblem(send(post("/api/v1/things", big, "writer-token")), 413);
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] big = VALID.replace("\"x\"", "\"" + "x".repeat(2000) + "\"").getBytes();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/things"))
                .header("Authorization", "Bearer writer-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        assertProblem(send(request), 413);
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void ruleViolationsOfTheServiceAreProblemDocuments() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/things/a/rule", "{}", "writer-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsEntry("respondedAt", "must not be before openedAt");
    }

    @Test
    void invalidPathVariableIs400() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/things/NOT_VALID", "reader-token"));

        assertProblem(response, 400);
        assertThat(errors(response)).containsKey("id");
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        assertProblem(send(get("/api/v1/nothing-here", "reader-token")), 404);
    }

    @Test
    void serverFaultsAre500ProblemsWithoutInternals() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/things/broken", "reader-token"));

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("internals").doesNotContain("IllegalStateException");
    }

    @Test
    void healthAndPrometheusAreOpenAndNothingElseOfActuator() throws Exception {
        assertThat(send(get("/actuator/health", null)).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/liveness", null)).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness", null)).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/prometheus", null)).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/env", null)).statusCode()).isEqualTo(404);
        assertThat(send(get("/actuator/beans", "writer-token")).statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDescribesBearerAndProblems() throws Exception {
        HttpResponse<String> response = send(get("/v3/api-docs", null));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = body(response);
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1things/post/responses/401").isMissingNode()).isFalse();
        assertThat(doc.at("/components/schemas/ThingRequest").isMissingNode()).isFalse();
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = body(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
    }

    private Map<String, String> errors(HttpResponse<String> response) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        body(response).get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        return errors;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
