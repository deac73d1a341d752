package no.biztek.support.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/** One service of the platform as its own JVM process, started from the jar its module built. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    final int port;
    private final String readyGroup;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    ServiceProcess(String name, List<String> arguments, Path logDirectory) throws IOException {
        this(name, "readiness", arguments, logDirectory);
    }

    /** @param readyGroup the health group that says the service does its work (sla-timer: {@code sla-status}) */
    ServiceProcess(String name, String readyGroup, List<String> arguments, Path logDirectory) throws IOException {
        this(logDirectory.resolve(name + ".log"), name, readyGroup, arguments);
    }

    private ServiceProcess(Path log, String name, String readyGroup, List<String> arguments) throws IOException {
        this.name = name;
        this.readyGroup = readyGroup;
        this.port = freePort();
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    /** One of several instances of a service: its own log ({@code name-instance.log}). */
    static ServiceProcess instance(String name, int instance, String readyGroup, List<String> arguments,
                                   Path logDirectory) throws IOException {
        return new ServiceProcess(logDirectory.resolve(name + "-" + instance + ".log"), name, readyGroup, arguments);
    }

    void start() throws IOException {
        Path jar = Repository.root().resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -B verify builds them)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx320m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the service's ready group is UP (Kafka reachable, state restored). */
    void awaitReady(Duration timeout) {
        Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return health() == 200;
                });
    }

    /** Stops the process as a crash would: SIGKILL, no shutdown hooks, nothing flushed or closed. */
    void killHard() throws InterruptedException {
        ChildProcesses.killHard(process);
    }

    void stop() throws InterruptedException {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private int health() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/" + readyGroup)).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
