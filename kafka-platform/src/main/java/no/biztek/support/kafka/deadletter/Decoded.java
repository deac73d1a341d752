package no.biztek.support.kafka.deadletter;

/**
 * A record's value as the topic's serde decoded it, with the bytes it was decoded from: a later step that finds
 * the value unprocessable dead-letters those bytes, untouched.
 *
 * @param value    the decoded value (null for a tombstone, where the route lets tombstones through)
 * @param rawKey   the record's key bytes (in a DSL topology, the key encoded again with the topic's key serde)
 * @param rawValue the record's value bytes
 */
public record Decoded<V>(V value, byte[] rawKey, byte[] rawValue) {
}
