package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import no.biztek.support.escalation.api.Problems;

/** What the acknowledgement link answers when acknowledging fails: the failure's own status, never a blanket 410. */
class AckLinkRefusalTest {

    @Test
    void kafkaNotAnsweringIsTryAgainNotNothingToAcknowledge() {
        ResponseEntity<String> answer = AckLinkController.refusal(
                Problems.unavailable("Kafka did not acknowledge the event in time; retry later.", Duration.ofSeconds(5)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody()).contains("Could not record, try again").doesNotContain("Nothing to acknowledge");
    }

    @Test
    void aPageThatNoLongerAwaitsAnAcknowledgementIsGone() {
        ResponseEntity<String> answer = AckLinkController.refusal(
                Problems.conflict("The page was already acknowledged by Kari at 2026-03-03T01:04:00Z."));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(answer.getBody()).contains("Nothing to acknowledge").contains("already acknowledged by Kari");
    }

    @Test
    void anUnknownPageIsNotFoundAndOtherFailuresKeepTheirStatus() {
        assertThat(AckLinkController.refusal(Problems.notFound("No page x.")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(AckLinkController.refusal(Problems.of(HttpStatus.BAD_REQUEST, "acknowledgedBy: too long"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(AckLinkController.refusal(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "boom")).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
