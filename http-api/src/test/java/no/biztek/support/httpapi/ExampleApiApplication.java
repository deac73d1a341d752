package no.biztek.support.httpapi;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import no.biztek.support.httpapi.problem.InvalidRequestException;

/** A minimal service using the shared HTTP API conventions. */
@SpringBootApplication
class ExampleApiApplication {

    private static final Logger log = LoggerFactory.getLogger(ExampleApiApplication.class);

    enum Color { RED, GREEN }

    record ThingRequest(@NotBlank String name, @NotNull @Min(1) @Max(3) Integer severity, @NotNull Color color,
                        @NotBlank @Email String email, Instant at) {
    }

    @RestController
    @RequestMapping("/api/v1/things")
    static class ThingController {

        final AtomicInteger writes = new AtomicInteger();

        @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
        @ResponseStatus(HttpStatus.ACCEPTED)
        Map<String, String> create(@Valid @RequestBody ThingRequest request) {
            writes.incrementAndGet();
            log.info("Thing {} from {}", request.name(), request.email());
            return Map.of("name", request.name());
        }

        @PostMapping(path = "/{id}/rule", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> rule(@PathVariable String id, @RequestBody Map<String, String> body) {
            throw new InvalidRequestException("respondedAt", "must not be before openedAt");
        }

        @ApiResponse(responseCode = "404", description = "No such thing")
        @GetMapping("/{id}")
        Map<String, String> get(@PathVariable @Pattern(regexp = "[a-z0-9-]+") String id) {
            return Map.of("id", id);
        }

        @GetMapping("/broken")
        Map<String, String> broken() {
            throw new IllegalStateException("a bug, with internals that must not leak\nFORGED line by ola@kunde.no");
        }
    }

    /** Writes here need their own scope (support.api.path-write-scopes), like intake's customer directory. */
    @RestController
    @RequestMapping("/api/v1/directory")
    static class DirectoryController {

        final AtomicInteger writes = new AtomicInteger();

        @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> put(@PathVariable String id, @RequestBody Map<String, String> body) {
            writes.incrementAndGet();
            return Map.of("id", id);
        }

        @GetMapping("/{id}")
        Map<String, String> get(@PathVariable String id) {
            return Map.of("id", id);
        }
    }

    /** Like escalation's one-click acknowledgement page: no Bearer token, its own token in the path. */
    @RestController
    static class AckPageController {

        @GetMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
        String show(@PathVariable String token) {
            return "<form method=\"post\"></form>";
        }

        @PostMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
        String acknowledge(@PathVariable String token) {
            return "<p>acknowledged</p>";
        }
    }

    /** Like escalation's calendar feed: GET only, no Bearer token, its own token in the path. */
    @RestController
    static class CalendarFeedController {

        @GetMapping(path = "/calendar/{file}", produces = "text/calendar")
        String feed(@PathVariable String file) {
            return "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
        }

        @PostMapping(path = "/calendar/{file}")
        String notServed(@PathVariable String file) {
            return "must never answer";
        }
    }

    /** Like escalation's live SLA board: GET only, no Bearer token, its own token in the path. */
    @RestController
    static class BoardController {

        @GetMapping(path = "/board/{token}", produces = MediaType.TEXT_HTML_VALUE)
        String page(@PathVariable String token) {
            return "<p>board</p>";
        }

        @GetMapping(path = "/board/{token}/events", produces = MediaType.TEXT_PLAIN_VALUE)
        String events(@PathVariable String token) {
            return "event: snapshot";
        }

        @PostMapping(path = "/board/{token}")
        String notServed(@PathVariable String token) {
            return "must never answer";
        }

        @PostMapping(path = "/board/{token}/events")
        String notServedEither(@PathVariable String token) {
            return "must never answer";
        }
    }

    /** A handler outside every allowed path: deny by default must refuse it although it exists. */
    @RestController
    static class InternalController {

        @GetMapping("/internal/x")
        Map<String, String> internal() {
            return Map.of("secret", "internals");
        }
    }
}
