package org.spikecore.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.spikecore.fixed.Format;
import org.spikecore.memory.ConvKernelMemory;
import org.spikecore.memory.DenseMemory;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;
import org.spikecore.memory.PackedSynapseMemory;
import org.spikecore.memory.SynapseMemory;

/**
 * Forward and backward access per encoding on an FC 784x128 layer (density 0.3, 8-bit weights) and
 * the functional encodings on a conv 28x28x8-8k3 layer. One operation = one access of a fixed
 * pre (forward) or post (backward) neuron; visited weights are summed into a blackhole. Run:
 * {@code java --add-modules=jdk.incubator.vector -jar spikecore-bench/target/spikecore-benchmarks.jar SynapseMemory}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SynapseMemoryBenchmark {

    @Param({"crossbar", "pb-bmp", "pb-csr", "dual", "conv-func", "conv-func-bmp"})
    String encoding;

    SynapseMemory memory;
    int neuron;
    long sum;

    @Setup
    public void build() {
        Format w8 = Format.INT8;
        Encoding e = Encoding.fromName(encoding);
        if (e.convolutionOnly()) {
            LayerShape.Conv shape = new LayerShape.Conv(28, 28, 8, 8, 3);
            int[] kernel = new int[(int) shape.distinctWeights()];
            for (int i = 0; i < kernel.length; i++) {
                kernel[i] = CounterRng.uniform(1, 0, 0, i) < 0.3 ? 1 + CounterRng.belowBound(CounterRng.bits(1, 1, 0, i), 100) : 0;
            }
            memory = new ConvKernelMemory(e, shape, w8, 64, kernel);
            neuron = 14 * 28 + 14;
            return;
        }
        List<int[]> syn = new ArrayList<>();
        for (int i = 0; i < 784; i++) {
            for (int j = 0; j < 128; j++) {
                if (CounterRng.uniform(2, i, 0, j) < 0.3) {
                    syn.add(new int[] {i, j, 1 + CounterRng.belowBound(CounterRng.bits(2, i, 1, j), 100)});
                }
            }
        }
        int[] ps = syn.stream().mapToInt(s -> s[0]).toArray();
        int[] qs = syn.stream().mapToInt(s -> s[1]).toArray();
        int[] ws = syn.stream().mapToInt(s -> s[2]).toArray();
        if (e == Encoding.CROSSBAR) {
            DenseMemory d = new DenseMemory(784, 128, w8, 64);
            for (int k = 0; k < ps.length; k++) {
                d.set(ps[k], qs[k], ws[k]);
            }
            memory = d;
        } else {
            memory = new PackedSynapseMemory(e, 784, 128, w8, 64, ps, qs, ws);
        }
        neuron = 100;
    }

    @Benchmark
    public void forward(Blackhole bh) {
        memory.forward(neuron, (p, q, w) -> sum += w);
        bh.consume(sum);
    }

    @Benchmark
    public void backward(Blackhole bh) {
        memory.backward(neuron, (p, q, w) -> sum += w);
        bh.consume(sum);
    }
}
