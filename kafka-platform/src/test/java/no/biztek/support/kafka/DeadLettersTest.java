package no.biztek.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

class DeadLettersTest {

    @Test
    void aDeadLetterKeepsTheOriginalAndExplainsIt() {
        RecordHeaders original = new RecordHeaders();
        original.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        byte[] value = {1, 2, 3};

        ProducerRecord<byte[], byte[]> letter = DeadLetters.of(Topics.INBOUND, 4, 1234L, "k".getBytes(), value,
                original, new IllegalArgumentException("severity must be 1, 2 or 3", new RuntimeException("root")),
                "intake-service");

        assertThat(letter.topic()).isEqualTo("support.inbound.v1.DLT");
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, "traceparent")).isEqualTo("00-abc");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("support.inbound.v1");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("4");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1234");
        assertThat(header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("intake-service");
        assertThat(header(letter, DeadLetterHeaders.REASON))
                .isEqualTo("java.lang.IllegalArgumentException: severity must be 1, 2 or 3"
                        + " (caused by java.lang.RuntimeException: root)");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
