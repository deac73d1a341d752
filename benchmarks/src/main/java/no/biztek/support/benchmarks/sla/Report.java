package no.biztek.support.benchmarks.sla;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the driver prints besides rates: latency percentiles, heap and resident memory. */
final class Report {

    private Report() {
    }

    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return String.format("n=%,d p50=%d p90=%d p99=%d p99.9=%d max=%d", sorted.size(), at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999), sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** Heap after a GC and the sum of the heap pools' peaks since the JVM started. */
    static void printHeap() {
        System.gc();
        long used = 0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("heap: %d MiB used after GC, %d MiB peak (sum of pool peaks), max %d MiB; process RSS %s%n",
                used >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, rss());
    }

    // RocksDB lives off-heap: the resident set shows what the heap figures do not
    private static String rss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS")).map(l -> l.replaceAll("\\s+", " ").substring(7))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
