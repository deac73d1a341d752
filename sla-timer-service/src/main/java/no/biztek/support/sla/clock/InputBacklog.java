package no.biztek.support.sla.clock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a task's input partition stood when the task started: the first offset the task will read (its
 * committed position, or the partition's start) and the partition's end. Records between the two were
 * already there: a backlog of known stale data.
 */
public record InputBacklog(long startOffset, long endOffset) {

    /** Looks up the backlog of a task's input partition (the Kafka admin API in production). */
    @FunctionalInterface
    public interface Lookup {

        /** No backlog: a task may fire its timers at once. */
        Lookup NONE = partition -> CompletableFuture.completedFuture(new InputBacklog(0, 0));

        /** The partition's backlog when asked; completes exceptionally when it cannot be told. */
        CompletionStage<InputBacklog> lookUp(TopicPartition partition);
    }
}
