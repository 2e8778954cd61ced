package org.spikecore.io.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;

/** Files written by hand with jHDF: every node type reads, and every malformed one is named. */
class NirReaderTest {

    @TempDir
    Path dir;

    /** A file with input → node "3" → output, "3" written by {@code node}. */
    Path file(String name, Consumer<WritableGroup> node) {
        Path f = dir.resolve(name);
        try (WritableHdfFile hdf = HdfFile.write(f)) {
            hdf.putDataset("version", "1.0.8");
            WritableGroup g = hdf.putGroup("node");
            g.putDataset("type", "NIRGraph");
            g.putDataset("edges", new String[][] {{"input", "3"}, {"3", "output"}});
            WritableGroup nodes = g.putGroup("nodes");
            WritableGroup in = nodes.putGroup("input");
            in.putDataset("type", "Input");
            in.putDataset("shape", new long[] {10});
            WritableGroup out = nodes.putGroup("output");
            out.putDataset("type", "Output");
            out.putDataset("shape", new long[] {10});
            node.accept(nodes.putGroup("3"));
        }
        return f;
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void aMisShapedParameterIsNamedWithItsDatasetAndBothShapes() {
        Path f = file("bad.nir", g -> {
            g.putDataset("type", "CubaLIF");
            g.putDataset("tau_syn", filled(10, 1e-3));
            g.putDataset("tau_mem", filled(5, 1e-3));
            g.putDataset("r", filled(10, 10));
            g.putDataset("v_leak", filled(10, 0));
            g.putDataset("v_threshold", filled(10, 1));
        });
        assertThatThrownBy(() -> NirReader.read(f)).isInstanceOf(SpikecoreException.class)
                .hasMessage("file " + f + ": dataset /node/nodes/3/tau_mem has shape [5], expected [10] (the shape of tau_syn)");
    }

    @Test
    void missingParametersAndUnknownTypesAreNamed() {
        Path missing = file("missing.nir", g -> {
            g.putDataset("type", "LIF");
            g.putDataset("tau", filled(10, 1e-3));
            g.putDataset("v_leak", filled(10, 0));
            g.putDataset("v_threshold", filled(10, 1));
        });
        assertThatThrownBy(() -> NirReader.read(missing)).isInstanceOf(SpikecoreException.class)
                .hasMessage("file " + missing + ": dataset /node/nodes/3/r is missing");
        Path unknown = file("unknown.nir", g -> g.putDataset("type", "Izhikevich"));
        assertThatThrownBy(() -> NirReader.read(unknown)).isInstanceOf(SpikecoreException.class)
                .hasMessageStartingWith("file " + unknown + ": node /node/nodes/3 has unknown type 'Izhikevich'");
        Path integers = file("ints.nir", g -> {
            g.putDataset("type", "Threshold");
            g.putDataset("threshold", new long[] {1, 2});
        });
        assertThatThrownBy(() -> NirReader.read(integers)).hasMessage("file " + integers + ": dataset /node/nodes/3/threshold is long, expected float32 or float64");
    }

    @Test
    void aGraphWhoseShapesDisagreeIsRefusedWhenCompiled() {
        Path f = file("wide.nir", g -> {
            g.putDataset("type", "Linear");
            g.putDataset("weight", new float[4][12]);
        });
        NirNode.NirGraph graph = NirReader.read(f).graph();
        assertThatThrownBy(() -> NirSimulation.compile(graph, 1e-3, NirConvention.EULER)).isInstanceOf(SpikecoreException.class)
                .hasMessage("node 3 (Linear): weight [4, 12] takes 12 inputs, its input has 10");
    }

    @Test
    void missingOptionalFieldsAreFilledAsNirFillsThem() {
        Path f = file("defaults.nir", g -> {
            g.putDataset("type", "CubaLIF");
            g.putDataset("tau_syn", 2e-3);
            g.putDataset("tau_mem", filled(10, 1e-3));
            g.putDataset("r", filled(10, 10));
            g.putDataset("v_leak", filled(10, 0));
            g.putDataset("v_threshold", filled(10, 1));
        });
        NirNode.CubaLIF c = (NirNode.CubaLIF) NirReader.read(f).graph().nodes().get("3");
        assertThat(c.tauSyn().rank()).isZero();
        assertThat(c.vReset().values()).containsOnly(0.0).hasSize(10);
        assertThat(c.wIn().values()).containsOnly(1.0).hasSize(10);
    }

    /** A float32 array of {@code v} rounded to float32. */
    static NpyArray f32(int[] shape, double... v) {
        return new NpyArray(NpyType.FLOAT32, shape, java.util.Arrays.stream(v).map(x -> (float) x).toArray());
    }

    static NpyArray f64(int n, double v) {
        return new NpyArray(NpyType.FLOAT64, new int[] {n}, filled(n, v));
    }

    /** One graph with every node type, a recurrent edge and a subgraph. */
    static NirNode.NirGraph everyNodeType() {
        int c = 2;
        NirNode.NirGraph recurrent = new NirNode.NirGraph(Map.of("input", new NirNode.Input(List.of(8)), "lif",
                new NirNode.CubaLIF(f64(8, 2e-3), f64(8, 1e-3), f64(8, 10), f64(8, 0), f64(8, 1), f64(8, 0), f64(8, 20)), "w",
                new NirNode.Linear(f32(new int[] {8, 8}, filled(64, 0.05))), "output", new NirNode.Output(List.of(8))),
                List.of(new NirNode.Edge("input", "lif"), new NirNode.Edge("lif", "w"), new NirNode.Edge("w", "lif"),
                        new NirNode.Edge("lif", "output")));
        Map<String, NirNode> nodes = new java.util.LinkedHashMap<>();
        nodes.put("input", new NirNode.Input(List.of(c, 6, 6)));
        nodes.put("conv", new NirNode.Conv2d(f32(new int[] {4, c, 3, 3}, filled(72, 0.3)), List.of(1, 1), List.of(1, 1), List.of(1, 1), 1,
                f32(new int[] {4}, 0.1, 0, 0, 0.2), List.of(6, 6)));
        nodes.put("if", new NirNode.IF(f64(144, 1e4), f64(144, 1), f64(144, 0)));
        nodes.put("sum", new NirNode.SumPool2d(List.of(2, 2), List.of(2, 2), List.of(0, 0)));
        nodes.put("avg", new NirNode.AvgPool2d(List.of(1, 1), List.of(1, 1), List.of(0, 0)));
        nodes.put("flat", new NirNode.Flatten(0, -1, List.of(4, 3, 3)));
        nodes.put("affine", new NirNode.Affine(f32(new int[] {8, 36}, filled(288, 0.1)), f32(new int[] {8}, filled(8, 0.01))));
        nodes.put("scale", new NirNode.Scale(f32(new int[] {8}, filled(8, 2))));
        nodes.put("rnn", recurrent);
        nodes.put("delay", new NirNode.Delay(f64(8, 2e-3)));
        nodes.put("lif", new NirNode.LIF(f64(8, 1e-2), f64(8, 100), f64(8, 0.1), f64(8, 0.5), f64(8, 0)));
        nodes.put("li", new NirNode.LI(f64(8, 1e-2), f64(8, 100), f64(8, 0)));
        nodes.put("cubali", new NirNode.CubaLI(f64(8, 1e-2), f64(8, 1e-2), f64(8, 100), f64(8, 0), f64(8, 1)));
        nodes.put("i", new NirNode.I(f64(8, 1)));
        nodes.put("thr", new NirNode.Threshold(f64(8, 0.5)));
        nodes.put("conv1", new NirNode.Conv1d(f32(new int[] {2, 1, 3}, filled(6, 1)), 1, 1, 1, 2, f32(new int[] {2}, 0, 0), List.of(4)));
        nodes.put("output", new NirNode.Output(List.of(2, 4)));
        List<String> chain = List.of("input", "conv", "if", "sum", "avg", "flat", "affine", "scale", "rnn", "delay", "lif", "li", "cubali",
                "i", "thr", "conv1", "output");
        List<NirNode.Edge> edges = new java.util.ArrayList<>();
        for (int k = 0; k + 1 < chain.size(); k++) {
            edges.add(new NirNode.Edge(chain.get(k), chain.get(k + 1)));
        }
        return new NirNode.NirGraph(nodes, edges);
    }

    @Test
    void everyNodeTypeWritesReadsBackEquallyAndSimulates() {
        NirNode.NirGraph g = everyNodeType();
        Path f = dir.resolve("all.nir");
        NirWriter.write(f, g);
        NirNode.NirGraph back = NirReader.read(f).graph();
        assertThat(back).isEqualTo(g);
        // conv1 takes [2, 4]: the 8 values of thr reinterpreted through its input_shape 4
        NirSimulation sim = NirSimulation.compile(back, 1e-3, NirConvention.EULER);
        assertThat(sim.hasRecurrentEdges()).isTrue();
        assertThat(sim.outputShape()).containsExactly(2, 4);
        float[][] x = new float[12][72];
        for (int t = 0; t < 12; t++) {
            for (int k = 0; k < 72; k++) {
                x[t][k] = (t + k) % 3 == 0 ? 1f : 0f;
            }
        }
        NirSimulation.Run run = sim.run(x, 1);
        int lif = sim.order().indexOf("lif");
        assertThat(run.nonZeros()[lif]).as("the LIF layer spikes").isPositive();
        assertThat(sim.order().indexOf("rnn.lif")).isGreaterThan(sim.order().indexOf("scale"));
    }
}
