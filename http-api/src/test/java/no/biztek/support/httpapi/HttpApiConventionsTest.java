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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.problem.ProblemDocuments;

/**
 * The shared conventions, through a real server: tokens and scopes, deny by default, problem documents,
 * actuator exposure, safe log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ExampleApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpApiConventionsTest {

    private static final String VALID = """
            {"name": "x", "severity": 2, "color": "RED", "email": "kari@kunde.no"}""";

    @LocalServerPort
    int port;

    @Autowired
    ExampleApiApplication.ThingController controller;

    @Autowired
    ExampleApiApplication.DirectoryController directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void resetWrites() {
        controller.writes.set(0);
        directory.writes.set(0);
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
    void writesUnderAPathWithItsOwnScopeNeedThatScopeNotTheServiceWriteScope() throws Exception {
        HttpResponse<String> withTicketsWrite = send(put("/api/v1/directory/kunde-as", "{}", "writer-token"));

        assertProblem(withTicketsWrite, 403);
        assertThat(body(withTicketsWrite).get("detail").asString()).contains("customers:write");
        assertThat(withTicketsWrite.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("scope=\"customers:write\""));
        assertThat(directory.writes).hasValue(0);
        assertThat(send(put("/api/v1/directory/kunde-as", "{}", "directory-token")).statusCode()).isEqualTo(200);
        assertThat(directory.writes).hasValue(1);
        assertThat(send(get("/api/v1/directory/kunde-as", "reader-token")).statusCode()).as("GET stays read")
                .isEqualTo(200);
        assertProblem(send(post("/api/v1/things", VALID, "directory-token")), 403);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /actuator/env", "GET, /actuator/beans", "GET, /actuator", "GET, /internal/x", "GET, /",
            "GET, /favicon.ico", "GET, /ack", "GET, /ack/a/b", "PUT, /ack/abc.def", "DELETE, /ack/abc.def",
            "GET, /calendar", "GET, /calendar/a/b", "POST, /calendar/abc.def", "DELETE, /calendar/abc.def",
            "POST, /board/abc.def", "DELETE, /board/abc.def", "GET, /board/a/b/c", "POST, /board/abc.def/events",
            "GET, /v3/api-docsx", "GET, /apis/v1/things", "POST, /actuator/shutdown"})
    void everyPathOutsideTheAllowListIs404WithOrWithoutAToken(String method, String path) throws Exception {
        for (String token : new String[] {null, "writer-token", "guessed-token"}) {
            HttpResponse<String> response = send(request(method, path, token));

            assertProblem(response, 404);
            assertThat(body(response).get("type").asString()).as("%s %s with %s", method, path, token)
                    .isEqualTo(ProblemDocuments.NOT_SERVED.toString());
            assertThat(response.body()).doesNotContain("internals");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /actuator/health, 200", "GET, /actuator/health/liveness, 200",
            "GET, /actuator/health/readiness, 200", "GET, /actuator/prometheus, 200", "GET, /v3/api-docs, 200",
            "GET, /v3/api-docs/swagger-config, 200", "GET, /swagger-ui.html, 302", "GET, /swagger-ui/index.html, 200",
            "GET, /ack/abc.def, 200", "POST, /ack/abc.def, 200", "GET, /calendar/abc.def.ics, 200",
            "GET, /board/abc.def, 200", "GET, /board/abc.def/events, 200", "GET, /api/v1/things/abc, 401"})
    void everyAllowedPathIsServedWithoutABearerToken(String method, String path, int status) throws Exception {
        HttpResponse<String> response = send(request(method, path, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain(ProblemDocuments.NOT_SERVED.toString());
    }

    @Test
    void springsErrorPathIsNotRefused() throws Exception {
        HttpResponse<String> response = send(request("GET", "/error", null));

        assertThat(response.body()).doesNotContain(ProblemDocuments.NOT_SERVED.toString());
        assertThat(response.statusCode()).isNotEqualTo(401);
    }

    @Test
    void logLinesCannotBeForgedAndAddressesAreMasked(CapturedOutput output) throws Exception {
        String forged = "2026-03-02T09:00:00.000+01:00  INFO 1 --- [main] forged : admin logged in";
        String name = "x\n" + forged + "\r\u001b[2J";
        String body = VALID.replace("\"x\"", json.writeValueAsString(name)).replace("kari@kunde.no", "ola.nordmann@kunde.no");

        assertThat(send(post("/api/v1/things", body, "writer-token")).statusCode()).isEqualTo(202);

        assertThat(output.getOut()).contains("Thing x\\n" + forged + "\\r\\u001B[2J from o***@kunde.no")
                .doesNotContain("ola.nordmann@kunde.no")
                .doesNotContain("\n" + forged);
    }

    @Test
    void exceptionMessagesInStackTracesCannotForgeLinesEither(CapturedOutput output) throws Exception {
        assertProblem(send(get("/api/v1/things/broken", "reader-token")), 500);

        assertThat(output.getOut()).contains("must not leak\\nFORGED line by o***@kunde.no")
                .contains("\tat ").doesNotContain("ola@kunde.no");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FORGED"));
    }

    @Test
    void openApiNamesTheScopeOfEachOperation() throws Exception {
        JsonNode doc = body(send(get("/v3/api-docs", null)));

        assertThat(doc.at("/paths/~1api~1v1~1things/post/x-required-scope").asString()).isEqualTo("tickets:write");
        assertThat(doc.at("/paths/~1api~1v1~1directory~1{id}/put/x-required-scope").asString())
                .isEqualTo("customers:write");
        assertThat(doc.at("/paths/~1api~1v1~1directory~1{id}/put/description").asString())
                .contains("Needs a Bearer token with the scope `customers:write`.");
        assertThat(doc.at("/paths/~1api~1v1~1directory~1{id}/get/x-required-scope").asString()).isEqualTo("read");
        assertThat(doc.at("/components/securitySchemes/bearer/description").asString()).contains("customers:write");
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
        JsonNode notFound = doc.at("/paths/~1api~1v1~1things~1{id}/get/responses/404");
        assertThat(notFound.at("/description").asString()).isEqualTo("No such thing");
        assertThat(notFound.at("/content").propertyNames()).containsExactly("application/problem+json");
        assertThat(notFound.at("/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
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

    private HttpRequest put(String path, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private HttpRequest request(String method, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
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
