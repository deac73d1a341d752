package no.biztek.support.httpapi.forward;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import no.biztek.support.httpapi.HttpApiProperties;

/**
 * {@link InstanceForwarding} for the services whose instances ask each other (sla-timer, notification). Lazy: a
 * service that never forwards neither creates it nor checks a credential.
 */
@AutoConfiguration
@EnableConfigurationProperties({ForwardingProperties.class, HttpApiProperties.class})
public class ForwardingConfiguration {

    @Bean
    @Lazy
    InstanceForwarding instanceForwarding(ForwardingProperties properties, HttpApiProperties api) {
        return new InstanceForwarding(properties, api);
    }
}
