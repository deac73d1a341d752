package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signing-key rule on its own: placeholders and predictable keys are refused, random keys pass. */
class SigningKeyStrengthTest {

    @Test
    void theOldEnvExampleValueIsAPlaceholder() {
        assertThat(SigningKeyStrength.problem("replace-with-32-or-more-random-characters"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("looks like a placeholder (it contains \"replace\")"));
    }

    @Test
    void placeholderWordsAreFoundWhateverTheirCaseAndSeparators() {
        assertThat(SigningKeyStrength.problem("Change_Me.Please.9f8e7d6c5b4a39281706f5e4d3c2b1a0")).isPresent();
        assertThat(SigningKeyStrength.problem("P-A-S-S-W-O-R-D-x9f8e7d6c5b4a39281706f5e4d3c2b1a0")).isPresent();
    }

    @ParameterizedTest(name = "{0}: about {1} bits")
    @CsvSource({
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 0",
            "abababababababababababababababababababab, 40",
            "0123456789abcdef0123456789abcdef, 128",
    })
    void theEntropyEstimateIsShannonEntropyTimesLength(String key, long bits) {
        assertThat(Math.round(SigningKeyStrength.estimatedBits(key))).isEqualTo(bits);
    }

    @Test
    void belowOneHundredTwentyEightBitsIsTooPredictable() {
        // 32 random hex digits are 128 bits, but the estimate from their own character frequencies is lower: use 64
        assertThat(SigningKeyStrength.problem("3f9a0c77d2e14b6a9e5f08c3b1d27a64"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("is too predictable: about 126 bits"));
        assertThat(SigningKeyStrength.problem("abababababababababababababababababababab")).isPresent();
    }

    @Test
    void aKeyFromOpensslRandPasses() {
        assertThat(SigningKeyStrength.estimatedBits(AckLinkKeyValidationTest.GOOD_KEY)).isGreaterThan(300);
        assertThat(SigningKeyStrength.problem(AckLinkKeyValidationTest.GOOD_KEY)).isEmpty();
        assertThat(SigningKeyStrength.problem("9c1f0e8b7a6d5c4b3a2918f7e6d5c4b3a29180f7e6d5c4b3a2918f7e6d5c4b3a"))
                .as("64 hex digits").isEmpty();
    }
}
