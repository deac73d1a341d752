package no.biztek.support.benchmarks;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.file.PolicyFile;

/**
 * First-response deadline computation under the default policy, for random open instants across
 * 2024-2031 and all severities. Inputs are prepared up front so the loop measures only the deadline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeadlineBenchmark {

    private static final int INPUTS = 1 << 16;
    private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2032-01-01T00:00:00Z").getEpochSecond();

    private SlaPolicy policy;
    private Instant[] openedAt;
    private Severity[] severity;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        policy = PolicyFile.defaultPolicy().inForceAt(Instant.parse("2026-01-01T00:00:00Z"));
        SplittableRandom random = new SplittableRandom(20261125);
        openedAt = new Instant[INPUTS];
        severity = new Severity[INPUTS];
        Severity[] severities = Severity.values();
        for (int i = 0; i < INPUTS; i++) {
            openedAt[i] = Instant.ofEpochSecond(random.nextLong(FROM, TO), random.nextInt(1000) * 1_000_000);
            severity[i] = severities[random.nextInt(severities.length)];
        }
        // lay out every year once, as a long-running service would have
        for (int i = 0; i < INPUTS; i++) {
            policy.firstResponseDeadline(severity[i], openedAt[i]);
        }
    }

    @Benchmark
    public Instant deadline() {
        int i = next++ & (INPUTS - 1);
        return policy.firstResponseDeadline(severity[i], openedAt[i]);
    }
}
