package no.biztek.support.intake;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import no.biztek.support.testing.MutableClock;

/**
 * intake with a clock the test moves (one shared context for every such test): for what happens as time
 * passes, e.g. tickets forgotten after the retention. Each test starts at the real now; the clock is set back
 * after it. A small Zendesk delivery memory, so its limit can be reached.
 */
@Import(ClockedIntakeTest.Clocks.class)
@TestPropertySource(properties = "support.intake.zendesk.max-remembered-deliveries=3")
public abstract class ClockedIntakeTest extends IntakeIntegrationTest {

    @Autowired
    protected MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.set(Instant.now());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    /** The clock's now, for tests that sign or time requests by it. */
    protected Instant now() {
        return clock.instant();
    }
}
