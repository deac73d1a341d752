package no.biztek.support.schemas.topic;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the platform with its key and value types. Services refer to topics only through
 * {@link Topics}, never by a typed name.
 *
 * @param name              the topic name
 * @param keySerde          serde of the record key
 * @param valueSerde        serde of the record value
 * @param cleanupPolicy     delete (event log) or compact (latest value per key)
 * @param defaultPartitions partitions when the platform creates the topic; bounds the instances per consumer group
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, CleanupPolicy cleanupPolicy,
                          int defaultPartitions) {

    /** Suffix of the dead-letter topic of every topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions must be at least 1, was " + defaultPartitions);
        }
    }

    /** Name of the topic that receives this topic's records that could not be processed. */
    public String deadLetterTopicName() {
        return name + DEAD_LETTER_SUFFIX;
    }

    @Override
    public String toString() {
        return name;
    }
}
