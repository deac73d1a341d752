package no.biztek.support.escalation.streams;

/**
 * An input record after decoding: either its value (with the source topic and the original bytes, so
 * that a later step can still dead-letter it) or a dead letter bound for {@code deadLetterTopic}.
 */
public record Decoded(Object value, String sourceTopic, byte[] raw, String deadLetterTopic) {

    static Decoded ok(Object value, String sourceTopic, byte[] raw) {
        return new Decoded(value, sourceTopic, raw, null);
    }

    static Decoded deadLetter(String sourceTopic, byte[] raw, String deadLetterTopic) {
        return new Decoded(null, sourceTopic, raw, deadLetterTopic);
    }

    public boolean isDeadLetter() {
        return deadLetterTopic != null;
    }
}
