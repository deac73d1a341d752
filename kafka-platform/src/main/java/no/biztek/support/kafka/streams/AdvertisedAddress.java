package no.biztek.support.kafka.streams;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * How the other instances of a service reach this one: Kafka Streams' {@code application.server}, which every
 * instance learns of every other, so that a query for a key another instance holds can be forwarded to it.
 * The host is {@code support.kafka.advertised-host}, else the one address the HTTP server listens on
 * ({@code server.address}), else this host's own address ({@link ThisHost}); the port
 * {@code support.kafka.advertised-port}, else the port the HTTP server got (known once it started, which is
 * before the Kafka Streams application starts).
 */
public final class AdvertisedAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String host;
    private final int configuredPort;
    private volatile int serverPort;

    /**
     * @param host           the advertised host, or null for this host's own address
     * @param configuredPort the advertised port, or 0 for the HTTP server's
     */
    public AdvertisedAddress(String host, int configuredPort) {
        this.host = host == null || host.isBlank() ? ThisHost.address() : host;
        this.configuredPort = configuredPort;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server (its own namespace) may run on another port: the API's is the one to advertise
        if (event.getApplicationContext().getServerNamespace() == null) {
            serverPort = event.getWebServer().getPort();
        }
    }

    /** This instance as the others reach it, or null while no port is known (no HTTP server). */
    public HostInfo self() {
        int port = configuredPort > 0 ? configuredPort : serverPort;
        return port > 0 ? new HostInfo(host, port) : null;
    }
}
