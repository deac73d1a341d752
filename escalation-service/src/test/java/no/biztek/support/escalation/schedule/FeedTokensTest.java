package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.paging.AckTokens;

class FeedTokensTest {

    private final AckTokens ackTokens = new AckTokens("test-signing-key-0123456789abcdef0123");
    private final FeedTokens feeds = new FeedTokens(ackTokens.forPurpose(FeedTokens.PURPOSE));
    private final ScheduleState state = TestSchedule.withFeed(TestSchedule.state(), "kari@biztek.no", 2);

    @Test
    void theCurrentGenerationsLinkOpensTheEngineersFeed() {
        String token = feeds.issue("Kari@Biztek.no", 2);

        assertThat(feeds.verify(token)).contains(new FeedTokens.Claims("kari@biztek.no", 2));
        assertThat(feeds.access(token, state)).isEqualTo(new FeedTokens.Granted(KARI));
    }

    @Test
    void anEarlierGenerationIsRevoked() {
        assertThat(feeds.access(feeds.issue("kari@biztek.no", 1), state)).isInstanceOf(FeedTokens.Revoked.class);
        assertThat(feeds.access(feeds.issue("kari@biztek.no", 3), state)).isInstanceOf(FeedTokens.Revoked.class);
    }

    @Test
    void anEngineerWhoLeftTheRotationHasNoFeed() {
        assertThat(feeds.access(feeds.issue("siri@biztek.no", 0), state)).isInstanceOfSatisfying(
                FeedTokens.Revoked.class, r -> assertThat(r.why()).contains("no longer in the on-call rotation"));
    }

    @Test
    void anAlteredOrForeignTokenIsForged() {
        String token = feeds.issue("kari@biztek.no", 2);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        String foreign = new FeedTokens(new AckTokens("another-signing-key-0123456789abcdef")
                .forPurpose(FeedTokens.PURPOSE)).issue("kari@biztek.no", 2);

        assertThat(feeds.access(altered, state)).isInstanceOf(FeedTokens.Forged.class);
        assertThat(feeds.access(foreign, state)).isInstanceOf(FeedTokens.Forged.class);
        assertThat(feeds.access("garbage", state)).isInstanceOf(FeedTokens.Forged.class);
    }

    @Test
    void anAcknowledgementLinkIsNoFeedLinkAndAFeedLinkAcknowledgesNothing() {
        String ack = ackTokens.issue("kari@biztek.no", "2", Instant.parse("2026-03-03T13:00:00Z"));
        String feed = feeds.issue("kari@biztek.no", 2);

        assertThat(feeds.access(ack, state)).isInstanceOf(FeedTokens.Forged.class);
        assertThat(ackTokens.verify(feed)).isEmpty();
    }

    @Test
    void aGenerationIsTheIssueTimeInSecondsAndGrowsStrictlyPerEngineer() {
        Instant now = Instant.parse("2026-03-03T01:00:00Z");

        int first = FeedTokens.nextGeneration(0, now);
        assertThat(Integer.toUnsignedLong(first)).isEqualTo(now.getEpochSecond());
        assertThat(FeedTokens.nextGeneration(first, now)).as("a second link in the same second").isEqualTo(first + 1);
        assertThat(FeedTokens.nextGeneration(3, now)).as("after the counters of old").isEqualTo(first);
        int after2038 = FeedTokens.nextGeneration(0, Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(Integer.toUnsignedLong(after2038)).isEqualTo(Instant.parse("2040-01-01T00:00:00Z").getEpochSecond());
        assertThat(feeds.verify(feeds.issue("kari@biztek.no", after2038)))
                .contains(new FeedTokens.Claims("kari@biztek.no", after2038));
    }

    @Test
    void aLinkIssuedBeforeTheTopicWasRecreatedNeverOpensTheFeedAfter() {
        Instant issued = Instant.parse("2026-03-03T01:00:00Z");
        String leaked = feeds.issue("kari@biztek.no", FeedTokens.nextGeneration(0, issued));
        // the topic is deleted and re-seeded: the engineer's generation is gone; a new link is issued later
        int reissued = FeedTokens.nextGeneration(0, issued.plus(java.time.Duration.ofMinutes(10)));
        ScheduleState afterReset = TestSchedule.withFeed(TestSchedule.state(), "kari@biztek.no", reissued);

        assertThat(feeds.access(leaked, TestSchedule.state())).as("before a new link is issued")
                .isInstanceOf(FeedTokens.Revoked.class);
        assertThat(feeds.access(leaked, afterReset)).isInstanceOf(FeedTokens.Revoked.class);
        assertThat(feeds.access(feeds.issue("kari@biztek.no", reissued), afterReset))
                .isEqualTo(new FeedTokens.Granted(KARI));
    }
}
