package org.spikecore.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.SaturatingOps;
import org.spikecore.fixed.SaturatingVectorOps;

/**
 * The fixed-point kernels, scalar reference against Vector API: adding a row of int8 weights
 * into saturating accumulators (a crossbar row delivery) and one tick of shift decay of a state
 * vector. Run: {@code java --add-modules=jdk.incubator.vector -jar
 * spikecore-bench/target/spikecore-benchmarks.jar SaturatingOps}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SaturatingOpsBenchmark {

    @Param({"128", "1024"})
    int n;

    byte[] weights;
    int[] acc32;
    short[] acc16;
    int[] initialState;
    int[] state;

    @Setup
    public void setUp() {
        weights = new byte[n];
        acc32 = new int[n];
        acc16 = new short[n];
        state = new int[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (byte) CounterRng.bits(1, 0, 0, i);
            state[i] = (int) CounterRng.bits(1, 1, 0, i) >> 16;
        }
        initialState = state.clone();
    }

    @Benchmark
    public void addInt8IntoInt32Scalar(Blackhole bh) {
        SaturatingOps.addInt8(weights, 0, acc32, 0, n, -32768, 32767);
        bh.consume(acc32);
    }

    @Benchmark
    public void addInt8IntoInt32Vector(Blackhole bh) {
        SaturatingVectorOps.addInt8(weights, 0, acc32, 0, n, -32768, 32767);
        bh.consume(acc32);
    }

    @Benchmark
    public void addInt8IntoInt16Scalar(Blackhole bh) {
        SaturatingOps.addInt8(weights, 0, acc16, 0, n, -32768, 32767);
        bh.consume(acc16);
    }

    @Benchmark
    public void addInt8IntoInt16Vector(Blackhole bh) {
        SaturatingVectorOps.addInt8(weights, 0, acc16, 0, n, -32768, 32767);
        bh.consume(acc16);
    }

    @Benchmark
    public void decayScalar(Blackhole bh) {
        // restart from the same states so every call decays non-zero values
        System.arraycopy(initialState, 0, state, 0, n);
        SaturatingOps.decay(state, 0, n, 4);
        bh.consume(state);
    }

    @Benchmark
    public void decayVector(Blackhole bh) {
        System.arraycopy(initialState, 0, state, 0, n);
        SaturatingVectorOps.decay(state, 0, n, 4);
        bh.consume(state);
    }
}
