package org.spikecore.io.nir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.message.DataLayout;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.SpikecoreException;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;

/**
 * Reads a NIR file (HDF5): {@code /version}, and {@code /node}, a group with {@code type} =
 * "NIRGraph", {@code edges} (n × 2 strings) and {@code nodes/<name>/}, each with its {@code type}
 * and one dataset per parameter, contiguous or gzip-chunked, float32 or float64. What NIR itself
 * fills in when a file leaves it out is filled in the same way ({@code v_reset} = 0, {@code w_in} = 1).
 * Every problem is a {@link SpikecoreException} naming the file and the dataset.
 */
public final class NirReader {

    /** Datasets larger than this many elements are refused before they are read. */
    private static final long MAX_ELEMENTS = 1L << 27;
    /** Gzip cannot expand data more than about 1,032-fold; a larger claim is a corrupt file. */
    private static final long MAX_INFLATION = 1100;

    private final String name;
    private final long fileBytes;

    private NirReader(String name, long fileBytes) {
        this.name = name;
        this.fileBytes = fileBytes;
    }

    /** Reads {@code file}. */
    public static NirFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpikecoreException("file " + file + ": no such file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new SpikecoreException("file " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return read(() -> new HdfFile(file), file.toString(), size);
    }

    /** Reads a NIR file from its bytes, {@code name} naming it in messages. */
    public static NirFile read(byte[] bytes, String name) {
        return read(() -> HdfFile.fromBytes(bytes), name, bytes.length);
    }

    private static NirFile read(java.util.function.Supplier<HdfFile> open, String name, long size) {
        try (HdfFile hdf = open.get()) {
            return new NirReader(name, size).file(hdf);
        } catch (SpikecoreException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) { // jHDF's failures on a corrupt file, a cyclic group structure among them
            throw new SpikecoreException("file " + name + ": not a readable HDF5 file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private SpikecoreException problem(String path, String what) {
        return new SpikecoreException("file " + name + ": " + path + " " + what);
    }

    private NirFile file(HdfFile hdf) {
        String version = hdf.getChildren().containsKey("version") ? string(hdf, "", "version") : "unknown";
        Node node = hdf.getChildren().get("node");
        if (!(node instanceof Group g)) {
            throw problem("group /node", "is missing: not a NIR file");
        }
        NirNode top = node(g, "/node");
        if (!(top instanceof NirNode.NirGraph graph)) {
            throw problem("dataset /node/type", "is " + top.type() + ", expected NIRGraph");
        }
        return new NirFile(version, graph);
    }

    private NirNode node(Group g, String path) {
        String type = string(g, path, "type");
        try {
            return switch (type) {
                case "Input" -> new NirNode.Input(ints(g, path, "shape", null));
                case "Output" -> new NirNode.Output(ints(g, path, "shape", null));
                case "Affine" -> new NirNode.Affine(array(g, path, "weight"), array(g, path, "bias"));
                case "Linear" -> new NirNode.Linear(array(g, path, "weight"));
                case "Scale" -> new NirNode.Scale(array(g, path, "scale"));
                case "Conv1d" -> new NirNode.Conv1d(array(g, path, "weight"), integer(g, path, "stride", 1), integer(g, path, "padding", 0),
                        integer(g, path, "dilation", 1), integer(g, path, "groups", 1), array(g, path, "bias"),
                        ints(g, path, "input_shape", List.of()));
                case "Conv2d" -> new NirNode.Conv2d(array(g, path, "weight"), ints(g, path, "stride", List.of(1)),
                        ints(g, path, "padding", List.of(0)), ints(g, path, "dilation", List.of(1)), integer(g, path, "groups", 1),
                        array(g, path, "bias"), ints(g, path, "input_shape", List.of()));
                case "SumPool2d" -> new NirNode.SumPool2d(ints(g, path, "kernel_size", null), ints(g, path, "stride", null),
                        ints(g, path, "padding", List.of(0)));
                case "AvgPool2d" -> new NirNode.AvgPool2d(ints(g, path, "kernel_size", null), ints(g, path, "stride", null),
                        ints(g, path, "padding", List.of(0)));
                case "Flatten" -> new NirNode.Flatten(integer(g, path, "start_dim", 1), integer(g, path, "end_dim", -1),
                        ints(g, path, "input_type", List.of()));
                case "Delay" -> new NirNode.Delay(array(g, path, "delay"));
                case "Threshold" -> new NirNode.Threshold(array(g, path, "threshold"));
                case "I" -> new NirNode.I(array(g, path, "r"));
                case "IF" -> {
                    NpyArray thr = array(g, path, "v_threshold");
                    yield new NirNode.IF(array(g, path, "r"), thr, optional(g, path, "v_reset", thr, 0));
                }
                case "LI" -> new NirNode.LI(array(g, path, "tau"), array(g, path, "r"), array(g, path, "v_leak"));
                case "LIF" -> {
                    NpyArray thr = array(g, path, "v_threshold");
                    yield new NirNode.LIF(array(g, path, "tau"), array(g, path, "r"), array(g, path, "v_leak"), thr,
                            optional(g, path, "v_reset", thr, 0));
                }
                case "CubaLI" -> {
                    NpyArray leak = array(g, path, "v_leak");
                    yield new NirNode.CubaLI(array(g, path, "tau_syn"), array(g, path, "tau_mem"), array(g, path, "r"), leak,
                            optional(g, path, "w_in", leak, 1));
                }
                case "CubaLIF" -> {
                    NpyArray thr = array(g, path, "v_threshold");
                    yield new NirNode.CubaLIF(array(g, path, "tau_syn"), array(g, path, "tau_mem"), array(g, path, "r"),
                            array(g, path, "v_leak"), thr, optional(g, path, "v_reset", thr, 0), optional(g, path, "w_in", thr, 1));
                }
                case "NIRGraph" -> graph(g, path);
                default -> throw problem("node " + path, "has unknown type '" + type + "' (spikecore reads Input, Output, Affine, "
                        + "Linear, Scale, Conv1d, Conv2d, SumPool2d, AvgPool2d, Flatten, Delay, Threshold, I, IF, LI, LIF, CubaLI, "
                        + "CubaLIF, NIRGraph)");
            };
        } catch (NirFieldException e) {
            throw problem("dataset " + path + "/" + e.field(), e.problem());
        }
    }

    private NirNode.NirGraph graph(Group g, String path) {
        Node nodes = g.getChildren().get("nodes");
        if (!(nodes instanceof Group ng)) {
            throw problem("group " + path + "/nodes", "is missing");
        }
        Map<String, NirNode> read = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : ng.getChildren().entrySet()) {
            if (!(e.getValue() instanceof Group child)) {
                throw problem(path + "/nodes/" + e.getKey(), "is a dataset, expected a node group");
            }
            read.put(e.getKey(), node(child, path + "/nodes/" + e.getKey()));
        }
        Dataset edges = dataset(g, path, "edges");
        String where = "dataset " + path + "/edges";
        List<NirNode.Edge> list = new ArrayList<>();
        int[] dims = edges.getDimensions();
        if (edges.getJavaType() != String.class || (dims.length != 2 || dims[1] != 2) && !(dims.length == 1 && dims[0] == 0)) {
            throw problem(where, "has shape " + Arrays.toString(dims) + " of " + edges.getJavaType().getSimpleName()
                    + ", expected [n, 2] strings");
        }
        if (dims.length == 2 && dims[0] > 0) {
            String[] flat = (String[]) edges.getDataFlat();
            for (int k = 0; k + 1 < flat.length; k += 2) {
                list.add(new NirNode.Edge(flat[k], flat[k + 1]));
            }
        }
        return new NirNode.NirGraph(read, list);
    }

    private Dataset dataset(Group g, String path, String field) {
        Node n = g.getChildren().get(field);
        if (n == null) {
            throw problem("dataset " + path + "/" + field, "is missing");
        }
        if (!(n instanceof Dataset d)) {
            throw problem(path + "/" + field, "is a group, expected a dataset");
        }
        long elements = d.getSize();
        long bytes = elements * Math.max(1, d.getDataType().getSize());
        long bound = d.getDataLayout() == DataLayout.CHUNKED ? fileBytes * MAX_INFLATION : fileBytes;
        if (elements < 0 || elements > MAX_ELEMENTS || bytes > bound) {
            throw problem("dataset " + path + "/" + field, "declares " + elements + " elements, more than the file can hold");
        }
        return d;
    }

    /** jhdf reports a scalar dataset's type boxed. */
    private static Class<?> primitive(Class<?> t) {
        return t == Float.class ? float.class : t == Double.class ? double.class : t == Long.class ? long.class
                : t == Integer.class ? int.class : t == Short.class ? short.class : t == Byte.class ? byte.class : t;
    }

    private String string(Group g, String path, String field) {
        Dataset d = dataset(g, path, field);
        Object v = d.getData();
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof String[] a && a.length == 1) {
            return a[0];
        }
        throw problem("dataset " + path + "/" + field, "is not a string");
    }

    /** A floating-point parameter array, typed as the file stores it. */
    private NpyArray array(Group g, String path, String field) {
        Dataset d = dataset(g, path, field);
        Class<?> t = primitive(d.getJavaType());
        NpyType type = t == float.class ? NpyType.FLOAT32 : t == double.class ? NpyType.FLOAT64 : null;
        if (type == null) {
            throw problem("dataset " + path + "/" + field, "is " + t.getSimpleName() + ", expected float32 or float64");
        }
        int[] shape = d.isScalar() ? new int[0] : d.getDimensions();
        double[] values = new double[(int) d.getSize()];
        Object data = d.isScalar() ? d.getData() : d.getDataFlat();
        if (data instanceof Number num) {
            values[0] = num.doubleValue();
        } else {
            for (int k = 0; k < values.length; k++) {
                values[k] = ((Number) Array.get(data, k)).doubleValue();
            }
        }
        return new NpyArray(type, shape, values);
    }

    /** An integer setting, scalar or 1-d; {@code fallback} when absent (null: required). */
    private List<Integer> ints(Group g, String path, String field, List<Integer> fallback) {
        if (fallback != null && !g.getChildren().containsKey(field)) {
            return fallback;
        }
        Dataset d = dataset(g, path, field);
        Class<?> t = primitive(d.getJavaType());
        if (t != long.class && t != int.class && t != short.class && t != byte.class) {
            throw problem("dataset " + path + "/" + field, "is " + t.getSimpleName() + ", expected integers");
        }
        if (d.getDimensions().length > 1) {
            throw problem("dataset " + path + "/" + field, "has shape " + Arrays.toString(d.getDimensions()) + ", expected a scalar or a vector");
        }
        Object data = d.isScalar() ? d.getData() : d.getDataFlat();
        List<Integer> out = new ArrayList<>();
        int n = data instanceof Number ? 1 : Array.getLength(data);
        for (int k = 0; k < n; k++) {
            long v = ((Number) (data instanceof Number num ? num : Array.get(data, k))).longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw problem("dataset " + path + "/" + field, "holds " + v + ", out of range");
            }
            out.add((int) v);
        }
        return out;
    }

    private int integer(Group g, String path, String field, int fallback) {
        List<Integer> v = ints(g, path, field, List.of(fallback));
        if (v.size() != 1) {
            throw problem("dataset " + path + "/" + field, "has " + v.size() + " values, expected one");
        }
        return v.get(0);
    }

    /** An optional parameter NIR fills with {@code fill} in the shape of {@code like} when a file leaves it out. */
    private NpyArray optional(Group g, String path, String field, NpyArray like, double fill) {
        if (g.getChildren().containsKey(field)) {
            return array(g, path, field);
        }
        double[] v = new double[like.values().length];
        Arrays.fill(v, fill);
        return new NpyArray(like.type(), like.shape(), v);
    }
}
