package no.biztek.support.benchmarks.sla;

import java.util.ArrayList;
import java.util.List;

/** Samples of (seconds since the start, input events committed) while the topology works through its input. */
final class Progress {

    private final List<double[]> samples = new ArrayList<>();

    void add(double seconds, long committed) {
        samples.add(new double[] {seconds, committed});
    }

    /** Prints the rate between 10 % and 90 % of the run, which leaves out start-up and JIT warm-up. */
    void printSustained() {
        if (samples.size() >= 10) {
            System.out.printf("sustained rate between 10 %% and 90 %% of the run: %,.0f events/s%n", sustained());
        }
    }

    /** The rate between 10 % and 90 % of the run, or NaN for a run too short to tell (under 10 samples). */
    double sustained() {
        if (samples.size() < 10) {
            return Double.NaN;
        }
        double[] from = samples.get(samples.size() / 10);
        double[] to = samples.get(samples.size() * 9 / 10);
        return (to[1] - from[1]) / (to[0] - from[0]);
    }
}
