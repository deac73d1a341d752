package no.biztek.support.sla.config;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * How other instances reach this one ({@code application.server}): {@code support.sla.advertised-host} and the
 * advertised port, else the port the HTTP server got (known once it started, before the streams start).
 */
public final class AdvertisedAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final SlaStreamsProperties properties;
    private volatile int serverPort;

    AdvertisedAddress(SlaStreamsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            serverPort = event.getWebServer().getPort();
        }
    }

    /** This instance as other instances reach it, or null while no port is known. */
    public HostInfo self() {
        int port = properties.advertisedPort() > 0 ? properties.advertisedPort() : serverPort;
        return port > 0 ? new HostInfo(properties.advertisedHost(), port) : null;
    }
}
