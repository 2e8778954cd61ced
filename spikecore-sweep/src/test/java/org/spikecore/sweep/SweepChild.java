package org.spikecore.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** A sweep in a JVM of its own, for the test that kills one: {@code SweepChild STORE MARKERS}. */
final class SweepChild {

    private SweepChild() {
    }

    static final String GRID = "a=1..4; b=1..4";

    static Sweep.Spec spec(Path store, Path markers) {
        return new Sweep.Spec("arith", Map.of("markers", markers.toString(), "sleep-ms", "100"), Grid.parse(GRID), 42, store);
    }

    public static void main(String[] args) {
        Sweep.run(TestExperiments.INSTANCE, spec(Path.of(args[0]), Path.of(args[1])), new LocalEngine(2, 1), new PrintWriter(System.out,
                true), false);
    }
}
