package no.biztek.support.escalation.board;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;

import tools.jackson.databind.json.JsonMapper;

/**
 * The board of a kiosk link (outside {@code /api}: a wall screen sends no Bearer token, the signed token in the path
 * is the credential, read-only). A forged token answers 403, an unknown link 404, an expired or revoked one 410: the
 * page as a small HTML page that says why, the stream as a problem document (the browser's {@code EventSource} then
 * stops reconnecting). A stream whose link is revoked or expires while it is open gets a {@code revoked} event at the
 * next heartbeat and is closed.
 */
@RestController
class KioskController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkTokens tokens;
    private final LinkWriter links;
    private final BoardLinks known;
    private final BoardStreams streams;
    private final Clock clock;

    KioskController(LinkTokens tokens, LinkWriter links, BoardLinks known, BoardStreams streams, Clock clock) {
        this.tokens = tokens;
        this.links = links;
        this.known = known;
        this.streams = streams;
        this.clock = clock;
    }

    @Operation(summary = "The live SLA board of a kiosk link", description = "Read-only; the token is the credential.")
    @GetMapping(path = "/board/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        LinkAccess.Decision decision = decide(token);
        if (decision instanceof LinkAccess.Granted granted) {
            return html(HttpStatus.OK, KioskPage.board(granted.link().name(), token + "/events"));
        }
        Refused refused = refusal(decision);
        return html(refused.status(), KioskPage.message(refused.title(), refused.detail()));
    }

    @Operation(summary = "The board of a kiosk link as Server-Sent Events")
    @GetMapping(path = "/board/{token}/events")
    SseEmitter events(@PathVariable String token,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        LinkAccess.Decision decision = decide(token);
        if (!(decision instanceof LinkAccess.Granted)) {
            throw refusal(decision);
        }
        // checked at every heartbeat on the dispatcher's thread: this instance's view as it is, never waiting
        return streams.open(lastEventId, () -> LinkAccess.decide(tokens.verify(token), known::find,
                clock.instant()) instanceof LinkAccess.Granted);
    }

    /**
     * The stream's refusal as a problem document written here as a string with its own content type, so it is sent
     * although the browser's {@code EventSource} asks for {@code text/event-stream} only.
     */
    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused refused) {
        String body = JSON.writeValueAsString(new Problem("about:blank", refused.title(), refused.status().value(),
                refused.detail()));
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Cache-Control", "no-store").body(body);
    }

    /** Decides on this instance's view, read up to now first when the link is not known yet. */
    private LinkAccess.Decision decide(String token) {
        return LinkAccess.decide(tokens.verify(token), links::find, clock.instant());
    }

    private record Problem(String type, String title, int status, String detail) {
    }

    /** A refused link. */
    static final class Refused extends RuntimeException {

        private final HttpStatus status;
        private final String title;

        Refused(HttpStatus status, String title, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
        }

        HttpStatus status() {
            return status;
        }

        String title() {
            return title;
        }

        String detail() {
            return getMessage();
        }
    }

    private static Refused refusal(LinkAccess.Decision decision) {
        if (decision instanceof LinkAccess.Gone gone) {
            return new Refused(HttpStatus.GONE, "Link no longer valid", gone.why());
        }
        if (decision instanceof LinkAccess.Unknown) {
            return new Refused(HttpStatus.NOT_FOUND, "Unknown link", "No such board link is known. Ask the desk "
                    + "for a new one.");
        }
        return new Refused(HttpStatus.FORBIDDEN, "Invalid link", "This is not a valid board link.");
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", KioskPage.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff").body(page);
    }
}
