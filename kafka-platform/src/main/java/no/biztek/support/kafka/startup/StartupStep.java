package no.biztek.support.kafka.startup;

import org.springframework.context.SmartLifecycle;

/**
 * A step a service takes once while it starts, in a lifecycle phase of its own: after the topic followers have read
 * their topics and before the web server and the stream processing start (a topic layout check, seeding a topic,
 * sizing a listener by a topic's partitions). A step that throws fails start-up. Stopping only marks it stopped.
 */
public abstract class StartupStep implements SmartLifecycle {

    private final int phase;
    private volatile boolean running;

    /** @param phase when it runs among the lifecycle beans (lower first) */
    protected StartupStep(int phase) {
        this.phase = phase;
    }

    /** The step; throwing fails start-up. */
    protected abstract void run();

    @Override
    public final void start() {
        run();
        running = true;
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
