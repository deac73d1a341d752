package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import no.biztek.support.intake.ClockedIntakeTest;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.topic.Topics;

/** What a client gets for a ticket resolved longer ago than the retention (30 days), as intake's clock moves on. */
class TicketRetentionTest extends ClockedIntakeTest {

    @Autowired
    TicketDirectory directory;

    @Test
    void aTicketResolvedLongerAgoThanTheRetentionIsForgottenAndSaysSo() {
        String externalId = unique("INC");
        Instant openedAt = now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        Instant resolvedAt = openedAt.plus(Duration.ofMinutes(50));
        String body = TicketApiTest.openBody(externalId, 2, openedAt.toString());
        String ticketId = json(api.post("/api/v1/tickets", body, WRITER)).get("ticketId").asString();
        String base = "/api/v1/tickets/" + ticketId;
        assertThat(api.post(base + "/resolve", "{\"resolvedAt\": \"" + resolvedAt + "\"}", WRITER).statusCode())
                .isEqualTo(202);

        clock.set(resolvedAt.plus(Duration.ofDays(30)).minusSeconds(60));
        HttpResponse<String> lastDay = api.post(base + "/first-response", "{\"consultant\": \"per\"}", WRITER);
        assertThat(lastDay.statusCode()).as("still within the retention: " + lastDay.body()).isEqualTo(202);

        clock.set(resolvedAt.plus(Duration.ofDays(30)).plusSeconds(60));
        directory.removeForgotten();
        long before = count(Topics.TICKET_EVENTS.name());
        HttpResponse<String> reopen = api.post(base + "/reopen", "{}", WRITER);
        HttpResponse<String> severity = api.post(base + "/severity", "{\"severity\": 1}", WRITER);

        assertThat(reopen.statusCode()).isEqualTo(404);
        assertThat(json(reopen).get("detail").asString()).contains("resolved more than PT720H ago and is forgotten")
                .contains("open a new ticket");
        assertThat(severity.statusCode()).isEqualTo(404);
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void theOpeningOfAForgottenTicketDeliveredAgainIsRefusedAndANewOneIsANewTicket() {
        String externalId = unique("INC");
        Instant openedAt = now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        String original = TicketApiTest.openBody(externalId, 2, openedAt.toString());
        String ticketId = json(api.post("/api/v1/tickets", original, WRITER)).get("ticketId").asString();
        api.post("/api/v1/tickets/" + ticketId + "/resolve", "{\"resolvedAt\": \"" + openedAt.plusSeconds(60) + "\"}", WRITER);
        clock.advance(Duration.ofDays(31));
        directory.removeForgotten();
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> deliveredAgain = api.post("/api/v1/tickets", original, WRITER);

        assertThat(deliveredAgain.statusCode()).as("it would start a second clock, breached at once").isEqualTo(400);
        assertThat(errors(deliveredAgain).get("openedAt")).startsWith("must not lie more than PT720H in the past");
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);

        HttpResponse<String> openedNow = api.post("/api/v1/tickets", TicketApiTest.openBody(externalId, 2, null), WRITER);

        assertThat(openedNow.statusCode()).isEqualTo(202);
        assertThat(json(openedNow).get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(json(openedNow).get("outcome").asString()).isEqualTo("PUBLISHED");
        var opening = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketOpened again && again.getOpenedAt().isAfter(openedAt));
        assertThat(((TicketOpened) opening.value().getPayload()).getOpenedAt())
                .as("a new ticket under the same id, measured from now").isAfter(openedAt.plus(Duration.ofDays(30)));
        assertThat(api.post("/api/v1/tickets/" + ticketId + "/first-response", "{\"consultant\": \"per\"}", WRITER)
                .statusCode()).as("the new ticket is known").isEqualTo(202);
    }
}
