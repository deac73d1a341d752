package no.biztek.support.sla.it;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.builder.SpringApplicationBuilder;

import no.biztek.support.sla.SlaTimerApplication;

/**
 * The real application in a process of its own (so a test can kill it with SIGKILL), on a wall clock
 * shifted by {@code -Dsla.test.clock-offset-millis} so that its "now" lies inside opening hours.
 */
public final class CrashableSlaApplication {

    private CrashableSlaApplication() {
    }

    public static void main(String[] args) {
        Duration offset = Duration.ofMillis(Long.parseLong(System.getProperty("sla.test.clock-offset-millis", "0")));
        Clock clock = Clock.offset(Clock.systemUTC(), offset);
        new SpringApplicationBuilder(SlaTimerApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", clock))
                .run(args);
    }
}
