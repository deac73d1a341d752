package no.biztek.support.intake.ticket;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Once a minute, takes the tickets forgotten since ({@link TicketRetention}) out of memory. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TicketRetentionSweep {

    private final TicketDirectory directory;

    TicketRetentionSweep(TicketDirectory directory) {
        this.directory = directory;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void sweep() {
        directory.removeForgotten();
    }
}
