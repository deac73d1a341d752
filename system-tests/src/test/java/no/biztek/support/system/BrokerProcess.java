package no.biztek.support.system;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One node of a Kafka cluster in KRaft combined mode (broker and controller) as its own JVM process, from the Kafka
 * jars on the test classpath, bound to 127.0.0.1: as {@code local-run/kafka.sh} runs one, with three replicas and
 * {@code min.insync.replicas=2} for every topic.
 */
final class BrokerProcess {

    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final Path data;
    private final Path log;
    private Process process;

    BrokerProcess(int nodeId, Path data, Path logDirectory) throws IOException {
        this.nodeId = nodeId;
        this.port = ServiceProcess.freePort();
        this.controllerPort = ServiceProcess.freePort();
        this.data = data;
        this.log = logDirectory.resolve("kafka-" + nodeId + ".log");
    }

    /** Starts the three nodes of a cluster and waits until each accepts connections. */
    static List<BrokerProcess> cluster(Path data, Path logs) throws Exception {
        List<BrokerProcess> nodes = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            nodes.add(new BrokerProcess(id, data.resolve("kafka-" + id), logs));
        }
        String voters = String.join(",", nodes.stream().map(n -> n.nodeId + "@127.0.0.1:" + n.controllerPort).toList());
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        for (BrokerProcess node : nodes) {
            node.format(voters, clusterId);
        }
        for (BrokerProcess node : nodes) {
            node.start();
        }
        for (BrokerProcess node : nodes) {
            node.awaitListening(Duration.ofMinutes(2));
        }
        return nodes;
    }

    static String bootstrap(List<BrokerProcess> nodes) {
        return String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.port).toList());
    }

    private void format(String voters, String clusterId) throws IOException, InterruptedException {
        Files.createDirectories(data);
        Files.writeString(properties(), """
                process.roles=broker,controller
                node.id=%d
                controller.quorum.voters=%s
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%s
                num.partitions=6
                default.replication.factor=3
                min.insync.replicas=2
                offsets.topic.replication.factor=3
                transaction.state.log.replication.factor=3
                transaction.state.log.min.isr=2
                share.coordinator.state.topic.replication.factor=3
                share.coordinator.state.topic.min.isr=2
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                """.formatted(nodeId, voters, port, controllerPort, port, data.resolve("logs")));
        Process formatting = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties().toString());
        if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka node " + nodeId + " failed; see " + log);
        }
    }

    void start() throws IOException {
        process = java("kafka.Kafka", properties().toString());
    }

    void awaitListening(Duration timeout) {
        Awaitility.await("Kafka node " + nodeId).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka node " + nodeId + " exited; see " + log);
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    void killHard() throws InterruptedException {
        ChildProcesses.killHard(process);
    }

    void stop() throws InterruptedException {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    private Path properties() {
        return data.resolve("server.properties");
    }

    private Process java(String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
