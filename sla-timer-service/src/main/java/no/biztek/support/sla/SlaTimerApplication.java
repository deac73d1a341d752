package no.biztek.support.sla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** sla-timer-service: one durable SLA clock per open ticket, fired by wall clock (SPEC §3). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SlaTimerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlaTimerApplication.class, args);
    }
}
