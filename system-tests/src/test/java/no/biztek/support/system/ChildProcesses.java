package no.biztek.support.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the system tests end the processes they start (services, Kafka nodes). */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** As a crash would: SIGKILL, no shutdown hooks, nothing flushed or closed. */
    static void killHard(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM (a graceful shutdown), then SIGKILL if it has not ended within the grace period. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
