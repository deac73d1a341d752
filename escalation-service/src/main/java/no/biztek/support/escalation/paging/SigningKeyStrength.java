package no.biztek.support.escalation.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a key is fit to sign acknowledgement links, as a pure rule. Whoever knows the key can forge a link and
 * silence a critical page, so a key is refused when it
 *
 * <ul>
 *   <li>looks like a placeholder: it contains (ignoring case and anything but letters and digits) one of
 *       {@link #PLACEHOLDER_WORDS}, e.g. the {@code replace-with-32-or-more-random-characters} an old
 *       {@code .env.example} shipped, "changeme", "example", "secret", "password";</li>
 *   <li>or is too predictable: its estimated entropy is below {@link #MIN_BITS} bits. The estimate is the
 *       string's Shannon entropy over its own characters times its length (−Σ p·log2 p per character, p the share
 *       of each distinct character in the key): "aaaa…" scores 0, "abab…" 1 bit per character, a key from
 *       {@code openssl rand -base64 48} about 330 bits. It cannot see patterns such as "0123456789abcdef…" (that
 *       one scores 4 bits per character), so it is a floor, not a proof of randomness.</li>
 * </ul>
 *
 * A verdict never repeats the key.
 */
public final class SigningKeyStrength {

    /** The least estimated entropy of an acceptable key. */
    public static final double MIN_BITS = 128;

    /** Words of placeholder and sample values; long enough that a random key practically never contains one. */
    static final List<String> PLACEHOLDER_WORDS = List.of("replace", "changeme", "changeit", "example", "secret",
            "password", "passwd", "placeholder", "dummy", "default", "sample", "insecure", "yourkey");

    static final String HOW_TO_GENERATE = "generate one with: openssl rand -base64 48";

    private SigningKeyStrength() {
    }

    /** What is wrong with the key, in words that do not repeat it; empty when it is fit for signing. */
    public static Optional<String> problem(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of("is not set; " + HOW_TO_GENERATE);
        }
        String letters = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String word : PLACEHOLDER_WORDS) {
            if (letters.contains(word)) {
                return Optional.of("looks like a placeholder (it contains \"" + word + "\"), not a secret; "
                        + HOW_TO_GENERATE);
            }
        }
        double bits = estimatedBits(key);
        if (bits < MIN_BITS) {
            return Optional.of(String.format(Locale.ROOT, "is too predictable: about %.0f bits of entropy by its "
                    + "character frequencies (at least %.0f needed); %s", bits, MIN_BITS, HOW_TO_GENERATE));
        }
        return Optional.empty();
    }

    /** Shannon entropy of the key's characters (bits per character) times its length. */
    static double estimatedBits(String key) {
        Map<Integer, Integer> counts = new HashMap<>();
        key.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = key.codePointCount(0, key.length());
        double perCharacter = 0;
        for (int count : counts.values()) {
            double p = count / length;
            perCharacter -= p * (Math.log(p) / Math.log(2));
        }
        return perCharacter * length;
    }
}
