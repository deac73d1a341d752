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

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import no.biztek.support.httpapi.problem.InvalidRequestException;

/** A minimal service using the shared HTTP API conventions. */
@SpringBootApplication
class ExampleApiApplication {

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
            return Map.of("name", request.name());
        }

        @PostMapping(path = "/{id}/rule", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> rule(@PathVariable String id, @RequestBody Map<String, String> body) {
            throw new InvalidRequestException("respondedAt", "must not be before openedAt");
        }

        @GetMapping("/{id}")
        Map<String, String> get(@PathVariable @Pattern(regexp = "[a-z0-9-]+") String id) {
            return Map.of("id", id);
        }

        @GetMapping("/broken")
        Map<String, String> broken() {
            throw new IllegalStateException("a bug, with internals that must not leak");
        }
    }
}
