package no.biztek.support.sla.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import no.biztek.support.sla.clock.InputBacklog;

/**
 * Tells a starting task its backlog with the admin API: the offset its consumer group committed (or the
 * partition's first offset, without a commit) and the partition's last stable offset, as a read_committed
 * consumer sees it.
 */
final class AdminBacklogLookup implements InputBacklog.Lookup, AutoCloseable {

    private final Admin admin;
    private final String groupId;

    AdminBacklogLookup(Map<String, Object> adminConfig, String groupId) {
        this.admin = Admin.create(adminConfig);
        this.groupId = groupId;
    }

    @Override
    public CompletionStage<InputBacklog> lookUp(TopicPartition partition) {
        ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        CompletableFuture<Long> end = offset(admin.listOffsets(Map.of(partition, OffsetSpec.latest()), committedOnly)
                .partitionResult(partition).thenApply(info -> info.offset()));
        CompletableFuture<Long> first = offset(admin.listOffsets(Map.of(partition, OffsetSpec.earliest()),
                committedOnly).partitionResult(partition).thenApply(info -> info.offset()));
        CompletableFuture<Long> committed = offset(admin.listConsumerGroupOffsets(
                        Map.of(groupId, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(partition))))
                .partitionsToOffsetAndMetadata(groupId).thenApply(offsets -> {
                    OffsetAndMetadata commit = offsets.get(partition);
                    return commit == null ? 0L : commit.offset();
                }));
        return CompletableFuture.allOf(end, first, committed).thenApply(ignored ->
                new InputBacklog(Math.max(first.join(), committed.join()), end.join()));
    }

    private static CompletableFuture<Long> offset(KafkaFuture<Long> future) {
        return future.toCompletionStage().toCompletableFuture();
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
