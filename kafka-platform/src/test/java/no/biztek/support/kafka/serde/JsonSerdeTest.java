package no.biztek.support.kafka.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    record Page(String pageId, Instant pagedAt, int level) {
    }

    private final JsonSerde<Page> serde = JsonSerde.of(Page.class);

    @Test
    void aRecordSurvivesItsJson() {
        Page page = new Page("p-1", Instant.parse("2026-03-02T08:00:00.123Z"), 2);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", page))).isEqualTo(page);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void fieldsAddedLaterAreIgnoredByOlderReadersAndMissingOnesReadAsNull() {
        byte[] newer = "{\"pageId\":\"p-1\",\"level\":1,\"addedLater\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.decode(newer)).isEqualTo(new Page("p-1", null, 1));
    }

    @Test
    void unreadableBytesAreASerializationExceptionNamingTheType() {
        assertThatThrownBy(() -> serde.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Page");
        assertThatThrownBy(() -> serde.decode("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("empty");
    }
}
