package no.biztek.support.intake.ticket;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import no.biztek.support.intake.config.IntakeProperties;

/**
 * Where and how a client waits for what it just wrote: a ticket's SLA status is answered by sla-timer-service
 * once it has read the event, usually within a second. A 202 of the ticket API carries
 * {@code Location: <support.intake.sla-status-base-url>/api/v1/tickets/{ticketId}/sla} and {@code Retry-After: 1}.
 */
@Component
class SlaStatusLocation {

    static final String RETRY_AFTER_SECONDS = "1";

    private final URI base;

    SlaStatusLocation(IntakeProperties properties) {
        this.base = properties.slaStatusBaseUrl();
    }

    URI of(String ticketId) {
        return UriComponentsBuilder.fromUri(base).path("/api/v1/tickets/{ticketId}/sla").buildAndExpand(ticketId)
                .toUri();
    }

    HttpHeaders headers(String ticketId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(of(ticketId));
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return headers;
    }
}
