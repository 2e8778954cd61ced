package org.spikecore.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spikecore.data.BenchmarkNetworks;
import org.spikecore.engine.Simulation;
import org.spikecore.model.Network;

/**
 * The engine's tick loop on the CUBA network: time per 100 ticks (10 ms of biological time), scalar
 * reference against the vector neuron update. Run: {@code java --add-modules=jdk.incubator.vector -jar
 * spikecore-bench/target/spikecore-benchmarks.jar Engine}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EngineBenchmark {

    @Param({"4000"})
    int neurons;

    @Param({"true", "false"})
    boolean vectorized;

    Network network;
    Simulation simulation;

    @Setup(Level.Trial)
    public void build() {
        network = BenchmarkNetworks.cuba(neurons, 80, 42, 3 * neurons);
        simulation = new Simulation(network, 42, 1, vectorized);
        simulation.run(500); // past the initial transient
    }

    @TearDown(Level.Trial)
    public void close() {
        simulation.close();
    }

    @Benchmark
    public int hundredTicks() {
        simulation.run(100);
        return simulation.tick();
    }
}
