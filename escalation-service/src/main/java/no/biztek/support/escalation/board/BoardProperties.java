package no.biztek.support.escalation.board;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The live SLA board ({@code support.escalation.board}).
 *
 * @param bufferSize          how many recent deltas a reconnecting client can resume from (older: a fresh snapshot)
 * @param clientQueue         how many events may wait for one client; a client that falls further behind is
 *                            dropped and reconnects
 * @param senderThreads       threads writing to the clients (never the followers' threads)
 * @param dispatchInterval    how often changes are gathered into deltas (a change shows within about this)
 * @param heartbeatInterval   how often an idle stream gets a comment line (and the server's clock), and kiosk
 *                            links are checked again
 * @param emitterTimeout      how long one stream stays open; the browser then reconnects and resumes
 * @param calendarPastDays    days before today whose opening hours the page gets (how far back business time
 *                            overdue is counted exactly; older breaches add the server's figure)
 * @param calendarFutureDays  days after today whose opening hours the page gets
 * @param staleClockRetention a clock without any SLA event for this long is dropped from the board
 * @param maxLinkValidity     the longest a kiosk link may be issued for
 * @param expiredLinkRetention how long an expired kiosk link is still listed
 */
@Validated
@ConfigurationProperties("support.escalation.board")
public record BoardProperties(@Min(1) int bufferSize, @Min(1) int clientQueue, @Min(1) @Max(64) int senderThreads,
                              @NotNull Duration dispatchInterval, @NotNull Duration heartbeatInterval,
                              @NotNull Duration emitterTimeout, @Min(0) @Max(60) int calendarPastDays,
                              @Min(1) @Max(60) int calendarFutureDays, @NotNull Duration staleClockRetention,
                              @NotNull Duration maxLinkValidity, @NotNull Duration expiredLinkRetention) {

    public BoardProperties {
        positive("dispatch-interval", dispatchInterval);
        positive("heartbeat-interval", heartbeatInterval);
        positive("emitter-timeout", emitterTimeout);
        positive("stale-clock-retention", staleClockRetention);
        positive("max-link-validity", maxLinkValidity);
        if (expiredLinkRetention != null && expiredLinkRetention.isNegative()) {
            throw new IllegalArgumentException("board.expired-link-retention: must not be negative, was "
                    + expiredLinkRetention);
        }
    }

    private static void positive(String name, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("board." + name + ": must be positive, was " + duration);
        }
    }
}
