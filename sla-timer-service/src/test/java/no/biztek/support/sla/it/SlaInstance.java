package no.biztek.support.sla.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import no.biztek.support.sla.SlaTimerApplication;
import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.testing.MutableClock;

/** One running sla-timer-service (the real application) with a test clock, for integration tests. */
public final class SlaInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final int port;

    private SlaInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Starts the application on a random port.
     *
     * @param applicationId Kafka Streams application id (instances with the same id share the work)
     * @param stateDir      Kafka Streams state directory
     * @param clock         the wall clock the instance uses
     * @param args          further {@code --name=value} settings
     */
    public static SlaInstance start(String applicationId, Path stateDir, MutableClock clock, String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + stateDir));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SlaTimerApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", clock))
                .run(all.toArray(String[]::new));
        return new SlaInstance(context);
    }

    public int port() {
        return port;
    }

    public StreamsRunner streams() {
        return context.getBean(StreamsRunner.class);
    }

    public KafkaStreams.State state() {
        return streams().state();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
