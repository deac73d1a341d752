package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import no.biztek.support.testing.MutableClock;

class AckTokensTest {

    private final AckTokens tokens = new AckTokens("test-signing-key-0123456789abcdef0123");
    private final Instant expires = Instant.parse("2026-03-03T13:00:00Z");

    @Test
    void aTokenItIssuedVerifiesWithItsClaims() {
        String token = tokens.issue("page-1", "kari@biztek.no", expires);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token)).hasValueSatisfying(claims -> {
            assertThat(claims.pageId()).isEqualTo("page-1");
            assertThat(claims.recipient()).isEqualTo("kari@biztek.no");
            assertThat(claims.expiresAt()).isEqualTo(expires);
            assertThat(claims.expiredAt(expires.minusSeconds(1))).isFalse();
            assertThat(claims.expiredAt(expires)).isTrue();
        });
    }

    @Test
    void anotherKeysTokenIsRefused() {
        String foreign = new AckTokens("another-signing-key-0123456789abcdef").issue("page-1", "kari@biztek.no", expires);

        assertThat(tokens.verify(foreign)).isEmpty();
    }

    @Test
    void aTokenForAnotherPageOrALaterExpiryCannotBeMadeFromAGenuineOne() {
        String token = tokens.issue("page-1", "kari@biztek.no", expires);
        String signature = token.substring(token.indexOf('.'));
        String otherPage = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("page-2\nkari@biztek.no\n" + expires.getEpochSecond()).getBytes());
        String later = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("page-1\nkari@biztek.no\n" + (expires.getEpochSecond() + 86_400)).getBytes());

        assertThat(tokens.verify(otherPage + signature)).isEmpty();
        assertThat(tokens.verify(later + signature)).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("no-dot")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify("!!!.???")).isEmpty();
        assertThat(tokens.verify("x".repeat(2000))).isEmpty();
    }

    @Test
    void afterARotationTheOldKeysLinksVerifyUntilTheWindowEndsAndNewLinksUseTheNewKey() {
        String oldKey = "old-signing-key-0123456789abcdef0123456789";
        String newKey = "new-signing-key-0123456789abcdef0123456789";
        Instant rotatedAt = Instant.parse("2026-03-03T12:00:00Z");
        Instant validUntil = rotatedAt.plus(java.time.Duration.ofHours(24));
        String oldLink = new AckTokens(oldKey).issue("page-1", "kari@biztek.no", expires);
        MutableClock clock = new MutableClock(rotatedAt);
        AckTokens rotated = new AckTokens(newKey, oldKey, validUntil, clock);

        assertThat(rotated.verify(oldLink)).as("within the window").hasValueSatisfying(claims ->
                assertThat(claims.pageId()).isEqualTo("page-1"));
        clock.set(validUntil.minusMillis(1));
        assertThat(rotated.verify(oldLink)).as("a millisecond before it ends").isPresent();
        clock.set(validUntil);
        assertThat(rotated.verify(oldLink)).as("when it ends").isEmpty();
        clock.set(validUntil.plus(java.time.Duration.ofDays(1)));
        assertThat(rotated.verify(oldLink)).as("after it").isEmpty();

        String newLink = rotated.issue("page-2", "ola@biztek.no", expires);
        assertThat(new AckTokens(newKey).verify(newLink)).as("signed with the current key").isPresent();
        assertThat(new AckTokens(oldKey).verify(newLink)).as("not with the old one").isEmpty();
        assertThat(rotated.verify(newLink)).isPresent();
    }
}
