package no.biztek.support.schemas.topic;

/**
 * Headers every dead-letter record carries besides the original key, value and headers
 * (SPEC §4: the failure reason and the original coordinates).
 */
public final class DeadLetterHeaders {

    /** Why the record could not be processed (exception class and message). */
    public static final String REASON = "support.dlt.reason";
    /** Topic the record was read from. */
    public static final String ORIGINAL_TOPIC = "support.dlt.original-topic";
    /** Partition the record was read from (decimal string). */
    public static final String ORIGINAL_PARTITION = "support.dlt.original-partition";
    /** Offset of the record in its partition (decimal string). */
    public static final String ORIGINAL_OFFSET = "support.dlt.original-offset";
    /** Service that dead-lettered the record. */
    public static final String SERVICE = "support.dlt.service";

    private DeadLetterHeaders() {
    }
}
