package no.biztek.support.sla.api;

import java.net.http.HttpResponse;
import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.forward.InstanceForwarding;
import no.biztek.support.httpapi.forward.InstanceUnavailableException;

/**
 * Asks the instance that owns a ticket's clock for its SLA status, through http-api's {@link InstanceForwarding}
 * (this service's own credential, never the caller's token).
 */
@Component
class OwnerForwarding {

    private final JsonMapper json;
    private final InstanceForwarding forwarding;

    OwnerForwarding(JsonMapper json, InstanceForwarding forwarding) {
        this.json = json;
        this.forwarding = forwarding;
    }

    Optional<SlaStatusResponse> ask(HostInfo owner, String ticketId) {
        HttpResponse<byte[]> response;
        try {
            response = forwarding.get(owner.host(), owner.port(),
                    "/api/v1/tickets/" + InstanceForwarding.segment(ticketId) + "/sla");
        } catch (InstanceUnavailableException e) {
            throw new SlaUnavailableException(e.getMessage(), e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new SlaUnavailableException("The instance that owns the ticket (" + owner + ") answered "
                    + response.statusCode(), null);
        }
        try {
            return Optional.of(json.readValue(response.body(), SlaStatusResponse.class));
        } catch (JacksonException e) {
            throw new SlaUnavailableException("The instance that owns the ticket answered unreadably", e);
        }
    }
}
