package no.biztek.support.escalation.board;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected board: its emitter and a bounded queue of events, written by a sender thread, never by the thread
 * that offers them. A client whose queue is full (it reads slower than the board changes) is closed; its
 * {@code EventSource} reconnects with {@code Last-Event-ID} and resumes.
 */
final class BoardClient implements BoardFeed.Sink {

    private static final long RECONNECT_MILLIS = 3000;
    private static final String REVOKED = "revoked";

    private final SseEmitter emitter;
    private final BlockingQueue<BoardEvent> queue;
    private final Executor senders;
    private final BooleanSupplier allowed;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;
    private boolean first = true;

    /**
     * @param allowed whether the client may still read the board (a kiosk link may be revoked or expire)
     * @param onClose runs once when the client is closed
     */
    BoardClient(SseEmitter emitter, int capacity, Executor senders, BooleanSupplier allowed, Runnable onClose) {
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.senders = senders;
        this.allowed = allowed;
        this.onClose = onClose;
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
    }

    @Override
    public boolean offer(BoardEvent event) {
        if (closed.get() || !queue.offer(event)) {
            close();
            return false;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                close();
                return false;
            }
        }
        return true;
    }

    /** Whether the client may still read; false: it is told so by a sender thread, which then closes it. */
    boolean stillAllowed() {
        if (allowed.getAsBoolean()) {
            return true;
        }
        offer(new BoardEvent(null, REVOKED, "{}"));
        return false;
    }

    private void drain() {
        try {
            for (BoardEvent event; (event = queue.poll()) != null; ) {
                send(event);
                if (REVOKED.equals(event.name())) {
                    close();
                }
            }
        } catch (IOException | IllegalStateException e) {
            close();
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty() && !closed.get() && draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    private synchronized void send(BoardEvent event) throws IOException {
        if (closed.get()) {
            return;
        }
        SseEmitter.SseEventBuilder builder = SseEmitter.event();
        if (first) {
            builder.reconnectTime(RECONNECT_MILLIS);
            first = false;
        }
        if (event.isComment()) {
            builder.comment(event.data());
        } else {
            if (event.id() != null) {
                builder.id(event.id());
            }
            builder.name(event.name()).data(event.data(), MediaType.TEXT_PLAIN);
        }
        emitter.send(builder);
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // already gone
            }
            onClose.run();
        }
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.run();
        }
    }
}
