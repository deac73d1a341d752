package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The driver's {@code key=value} arguments; a bare {@code key} means {@code key=true}. */
final class DriverOptions {

    private final Map<String, String> values;

    private DriverOptions(Map<String, String> values) {
        this.values = values;
    }

    static DriverOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            values.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return new DriverOptions(values);
    }

    String brokers() {
        return values.getOrDefault("brokers", "localhost:19092");
    }

    /** Where each run keeps its state directory. */
    Path baseDir() {
        return Path.of(values.getOrDefault("dir", "/tmp/sla-bench"));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** An integer option; underscores are allowed as digit separators (events=1_200_000). */
    int intOption(String name, int fallback) {
        return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
    }
}
