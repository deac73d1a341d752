package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a task's wall-clock verdicts back until it has read the input that was already in its partition
 * when it started (after a restart or a rebalance), so that a breach the backlog contradicts is never
 * announced: only facts decide until then. Opens for good once the task has read up to the backlog's end,
 * or when {@code maxWait} has passed (the backlog could not be told or is read too slowly).
 */
final class BacklogGate {

    private static final Logger log = LoggerFactory.getLogger(BacklogGate.class);

    private final String task;
    private final CompletableFuture<InputBacklog> backlog;
    private final Instant startedAt;
    private final Instant giveUpAt;
    private long position = -1;
    private boolean open;

    BacklogGate(String task, CompletionStage<InputBacklog> backlog, Instant startedAt, Duration maxWait) {
        this.task = task;
        this.backlog = backlog.toCompletableFuture();
        this.startedAt = startedAt;
        this.giveUpAt = startedAt.plus(maxWait);
    }

    /** The task processed the record at {@code offset}. */
    void processed(long offset) {
        position = Math.max(position, offset + 1);
    }

    /** Whether the task may judge by the wall clock (fire timers, breach deadlines passed by now). */
    boolean isOpen(Instant now) {
        if (open) {
            return true;
        }
        InputBacklog known = backlog.isDone() && !backlog.isCompletedExceptionally() ? backlog.join() : null;
        if (known != null && Math.max(position, known.startOffset()) >= known.endOffset()) {
            open = true;
            if (known.endOffset() > known.startOffset()) {
                log.info("Task {} read its backlog ({} records) in {}; its timers fire", task,
                        known.endOffset() - known.startOffset(), Duration.between(startedAt, now));
            }
        } else if (!now.isBefore(giveUpAt)) {
            open = true;
            log.warn("Task {} fires its timers without having read its backlog (read up to offset {}, backlog {}): "
                    + "the wait of {} is over", task, position, known == null ? "unknown" : known,
                    Duration.between(startedAt, giveUpAt));
        }
        return open;
    }
}
