package no.biztek.support.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HexFormat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one envelope record in Avro single-object encoding: a 2-byte marker {@code C3 01},
 * the 8-byte little-endian CRC-64-AVRO fingerprint of the writer's schema, then the binary body.
 * Writes with the current schema; reads any writer schema held by its {@link SchemaStore} (every
 * released version plus the current one) and resolves it to the current schema.
 *
 * <p>A {@code null} value is a tombstone both ways. Anything else that cannot be decoded throws a
 * {@link SerializationException} naming the topic and the writer fingerprint, so that error
 * handlers can dead-letter the record. Thread-safe.
 */
public final class SingleObjectAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private static final int HEADER_LENGTH = 10;

    static {
        // Avro >= 1.12.1 only instantiates classes it is told to trust; trust our generated contracts.
        String contracts = "no.biztek.support.schemas.";
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith(contracts)));
    }

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Serializer<T> serializer = this::serialize;
    private final Deserializer<T> deserializer = this::deserialize;

    /** A serde for a generated envelope class that reads every version released under its simple name. */
    public static <T extends SpecificRecord> SingleObjectAvroSerde<T> forType(Class<T> type) {
        Schema current = SpecificData.get().getSchema(type);
        return new SingleObjectAvroSerde<>(type, ReleasedSchemas.of(current.getName()));
    }

    /** A serde that reads the given writer schemas in addition to the class's current schema. */
    public SingleObjectAvroSerde(Class<T> type, Collection<Schema> readableWriterSchemas) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        SchemaStore.Cache store = new SchemaStore.Cache();
        store.addSchema(current);
        readableWriterSchemas.forEach(store::addSchema);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current, store);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            encoder.encode(data, out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + type.getSimpleName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + " from topic " + topic
                    + ": record of " + data.length + " bytes is shorter than the single-object header"
                    + " (fingerprint unreadable)");
        }
        try {
            T value = decoder.decode(data);
            if (value == null) {
                throw new SerializationException("Cannot decode " + type.getSimpleName() + " from topic " + topic
                        + " (writer fingerprint " + fingerprintOf(data) + "): decoder returned no value");
            }
            return value;
        } catch (MissingSchemaException e) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + " from topic " + topic
                    + ": unknown writer schema fingerprint " + fingerprintOf(data), e);
        } catch (BadHeaderException e) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + " from topic " + topic
                    + ": not Avro single-object encoding (header " + HexFormat.of().formatHex(data, 0, 2)
                    + ", fingerprint " + fingerprintOf(data) + ")", e);
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + " from topic " + topic
                    + " (writer fingerprint " + fingerprintOf(data) + "): " + e, e);
        }
    }

    /** The writer fingerprint of an encoded record, as 16 hex digits (for error messages and headers). */
    static String fingerprintOf(byte[] data) {
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return String.format("%016x", fingerprint);
    }

    /** The fingerprint of a schema in the same notation as {@link #fingerprintOf(byte[])}. */
    public static String fingerprintOf(Schema schema) {
        return String.format("%016x", SchemaNormalization.parsingFingerprint64(schema));
    }
}
