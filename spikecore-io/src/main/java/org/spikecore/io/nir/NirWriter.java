package org.spikecore.io.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.npy.NpyArray;

/**
 * Writes a NIR file in the layout NIR 1.0's own writer makes and {@code nir.read} accepts: a string
 * {@code /version}; {@code /node} with {@code type} = "NIRGraph", {@code edges} as an n × 2 string
 * array and {@code nodes/<name>/}; each node a group with a string {@code type} and its fields as
 * datasets — parameter arrays gzip-chunked in their own float type, shapes and integer settings as
 * int64 (scalars where NIR's fields are Python ints: Conv1d's settings, {@code groups},
 * {@code start_dim}, {@code end_dim}); no empty metadata groups.
 */
public final class NirWriter {

    /** The NIR version whose layout this writer follows (that of the snnTorch fixture's writer). */
    public static final String VERSION = "1.0.8";

    private NirWriter() {
    }

    /** Writes {@code graph} to {@code file} atomically. */
    public static void write(Path file, NirNode.NirGraph graph) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("spikecore-nir", ".nir");
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                hdf.putDataset("version", VERSION);
                node(hdf.putGroup("node"), graph);
            }
            Path written = tmp;
            AtomicFiles.write(file, out -> Files.copy(written, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless; the write's outcome is what matters
                }
            }
        }
    }

    private static void node(WritableGroup g, NirNode node) {
        g.putDataset("type", node.type());
        switch (node) {
            case NirNode.Input n -> shape(g, "shape", n.shape());
            case NirNode.Output n -> shape(g, "shape", n.shape());
            case NirNode.Affine n -> {
                array(g, "weight", n.weight());
                array(g, "bias", n.bias());
            }
            case NirNode.Linear n -> array(g, "weight", n.weight());
            case NirNode.Scale n -> array(g, "scale", n.scale());
            case NirNode.Conv1d n -> {
                if (!n.inputShape().isEmpty()) {
                    g.putDataset("input_shape", (long) n.inputShape().get(0));
                }
                array(g, "weight", n.weight());
                g.putDataset("stride", (long) n.stride());
                g.putDataset("padding", (long) n.padding());
                g.putDataset("dilation", (long) n.dilation());
                g.putDataset("groups", (long) n.groups());
                array(g, "bias", n.bias());
            }
            case NirNode.Conv2d n -> {
                if (!n.inputShape().isEmpty()) {
                    shape(g, "input_shape", n.inputShape());
                }
                array(g, "weight", n.weight());
                shape(g, "stride", n.stride());
                shape(g, "padding", n.padding());
                shape(g, "dilation", n.dilation());
                g.putDataset("groups", (long) n.groups());
                array(g, "bias", n.bias());
            }
            case NirNode.SumPool2d n -> pool(g, n.kernelSize(), n.stride(), n.padding());
            case NirNode.AvgPool2d n -> pool(g, n.kernelSize(), n.stride(), n.padding());
            case NirNode.Flatten n -> {
                g.putDataset("start_dim", (long) n.startDim());
                g.putDataset("end_dim", (long) n.endDim());
                if (!n.inputType().isEmpty()) {
                    shape(g, "input_type", n.inputType());
                }
            }
            case NirNode.Delay n -> array(g, "delay", n.delay());
            case NirNode.Threshold n -> array(g, "threshold", n.threshold());
            case NirNode.I n -> array(g, "r", n.r());
            case NirNode.IF n -> {
                array(g, "r", n.r());
                array(g, "v_threshold", n.vThreshold());
                array(g, "v_reset", n.vReset());
            }
            case NirNode.LI n -> {
                array(g, "tau", n.tau());
                array(g, "r", n.r());
                array(g, "v_leak", n.vLeak());
            }
            case NirNode.LIF n -> {
                array(g, "tau", n.tau());
                array(g, "r", n.r());
                array(g, "v_leak", n.vLeak());
                array(g, "v_threshold", n.vThreshold());
                array(g, "v_reset", n.vReset());
            }
            case NirNode.CubaLI n -> {
                array(g, "tau_syn", n.tauSyn());
                array(g, "tau_mem", n.tauMem());
                array(g, "r", n.r());
                array(g, "v_leak", n.vLeak());
                array(g, "w_in", n.wIn());
            }
            case NirNode.CubaLIF n -> {
                array(g, "tau_syn", n.tauSyn());
                array(g, "tau_mem", n.tauMem());
                array(g, "r", n.r());
                array(g, "v_leak", n.vLeak());
                array(g, "v_threshold", n.vThreshold());
                array(g, "v_reset", n.vReset());
                array(g, "w_in", n.wIn());
            }
            case NirNode.NirGraph n -> {
                String[][] edges = new String[n.edges().size()][];
                for (int k = 0; k < edges.length; k++) {
                    edges[k] = new String[] {n.edges().get(k).from(), n.edges().get(k).to()};
                }
                g.putDataset("edges", edges);
                WritableGroup nodes = g.putGroup("nodes");
                for (Map.Entry<String, NirNode> e : n.nodes().entrySet()) {
                    node(nodes.putGroup(e.getKey()), e.getValue());
                }
            }
        }
    }

    private static void pool(WritableGroup g, List<Integer> kernel, List<Integer> stride, List<Integer> padding) {
        shape(g, "kernel_size", kernel);
        shape(g, "stride", stride);
        shape(g, "padding", padding);
    }

    private static void shape(WritableGroup g, String name, List<Integer> values) {
        g.putDataset(name, values.stream().mapToLong(Integer::longValue).toArray());
    }

    /** A parameter array in its own float type: gzip-chunked (one chunk) as NIR writes it, a scalar dataset for rank 0. */
    private static void array(WritableGroup g, String name, NpyArray a) {
        boolean f32 = a.type() == org.spikecore.io.npy.NpyType.FLOAT32;
        if (a.rank() == 0) {
            g.putDataset(name, f32 ? (Object) (float) a.values()[0] : (Object) a.values()[0]);
            return;
        }
        int[] shape = a.shape();
        Object nested = Array.newInstance(f32 ? float.class : double.class, shape);
        double[] v = a.values();
        int[] index = new int[shape.length];
        for (int k = 0; k < v.length; k++) {
            Object row = nested;
            for (int d = 0; d < shape.length - 1; d++) {
                row = Array.get(row, index[d]);
            }
            if (f32) {
                Array.setFloat(row, index[shape.length - 1], (float) v[k]);
            } else {
                Array.setDouble(row, index[shape.length - 1], v[k]);
            }
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        boolean empty = v.length == 0;
        DatasetCreationOptions options = empty ? DatasetCreationOptions.DEFAULT
                : DatasetCreationOptions.builder().chunkDimensions(shape).deflate(4).build();
        g.putDataset(name, nested, options);
    }
}
