package no.biztek.support.intake;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The support terms: {@code support.policy.file} when set, else the built-in policy. */
    @Bean
    PolicyHistory policyHistory(@Value("${support.policy.file:}") Path policyFile) {
        return policyFile == null || policyFile.toString().isEmpty() ? PolicyFile.defaultPolicy()
                : PolicyFile.fromFile(policyFile);
    }
}
