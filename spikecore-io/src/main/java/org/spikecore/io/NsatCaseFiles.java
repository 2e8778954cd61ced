package org.spikecore.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.SpikecoreException;
import org.spikecore.nsat.NsatConfig;
import org.spikecore.nsat.NsatRun;

/**
 * NSAT case files: the JSON form of {@code shared/fixtures/nsat} (a {@code config} in NSAT's own
 * terms, an {@code output} with {@code x}, {@code spikes}, {@code spike_counts} and
 * {@code final_weights}). Reading is strict: a missing key, a value of the wrong type or shape
 * names its path ({@code config.neurons[1].A[0]}); keys this engine cannot honour yet (learning)
 * are refused with "not supported yet: …". Writing produces an object with the output's keys.
 */
public final class NsatCaseFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Declared sizes above this are refused before anything is allocated. */
    private static final int MAX_TICKS = 10_000_000;
    private static final int MAX_UNITS = 1_000_000;

    private NsatCaseFiles() {
    }

    /** Reads the {@code config} of the case file {@code file}. */
    public static NsatConfig readConfig(Path file) {
        return readConfig(file, read(file));
    }

    /** Parses the {@code config} of a case held in {@code json}; {@code source} names it in messages. */
    public static NsatConfig readConfig(Path source, byte[] json) {
        JsonNode root = readTree(source, json);
        return config(source, field(source, root, "config", ""));
    }

    /** Reads the {@code output} object of a case file (the expected result), as plain JSON values. */
    public static Map<String, Object> readOutput(Path file) {
        return readOutput(file, read(file));
    }

    /** Parses the {@code output} object of a case held in {@code json}, as plain JSON values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readOutput(Path file, byte[] json) {
        JsonNode root = readTree(file, json);
        JsonNode out = field(file, root, "output", "");
        if (!out.isObject()) {
            throw bad(file, "output", "must be an object");
        }
        return MAPPER.convertValue(out, Map.class);
    }

    /** A trace as the JSON object NSAT's outputs are written in ({@code x}, {@code spikes}, ...). */
    public static Map<String, Object> outputOf(NsatConfig config, NsatRun.Trace trace) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", trace.states());
        Map<String, int[]> spikes = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int j = 0; j < trace.spikes().length; j++) {
            spikes.put("n" + j, trace.spikes()[j]);
            counts.put("n" + j, trace.spikes()[j].length);
        }
        out.put("spikes", spikes);
        out.put("spike_counts", counts);
        List<Map<String, Object>> weights = new ArrayList<>();
        for (int s = 0; s < config.synapses().size(); s++) {
            NsatConfig.Synapse syn = config.synapses().get(s);
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("pre", syn.preName());
            w.put("post", syn.post());
            w.put("state", syn.state());
            w.put("w_final", trace.finalWeights()[s]);
            weights.add(w);
        }
        out.put("final_weights", weights);
        if (trace.weightTrace() != null) {
            out.put("weight_trace", trace.weightTrace());
        }
        return out;
    }

    /** Writes {@link #outputOf} to {@code file} atomically. */
    public static void writeOutput(Path file, NsatConfig config, NsatRun.Trace trace) {
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(outputOf(config, trace)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the NSAT output", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpikecoreException("NSAT case " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode readTree(Path file, byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new SpikecoreException("NSAT case " + file + ": the file is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SpikecoreException("NSAT case " + file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new SpikecoreException("NSAT case " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static NsatConfig config(Path file, JsonNode c) {
        int ticks = intIn(file, c, "ticks", "config", 1, MAX_TICKS);
        int inputs = intIn(file, c, "n_inputs", "config", 0, MAX_UNITS);
        int neuronCount = intIn(file, c, "n_neurons", "config", 1, MAX_UNITS);
        int states = intIn(file, c, "n_states", "config", 1, org.spikecore.model.NeuronModel.MAX_STATES);
        JsonNode g = field(file, c, "globals", "config");
        String gp = "config.globals";
        boolean learning = bool(file, g, "learning_on", gp);
        boolean gated = learning && bool(file, g, "learning_gated", gp);
        int tstdpMax = learning ? intIn(file, g, "tstdpmax", gp, 1, MAX_TICKS) : 1;
        NsatConfig.Globals globals = new NsatConfig.Globals(learning, gated, tstdpMax, bool(file, g, "w_check", gp),
                intIn(file, g, "w_boundary", gp, 1, 15), bool(file, g, "bm_rng_on", gp),
                intIn(file, g, "seed", gp, Integer.MIN_VALUE, Integer.MAX_VALUE),
                intIn(file, g, "s_seq", gp, Integer.MIN_VALUE, Integer.MAX_VALUE));
        JsonNode ns = array(file, field(file, c, "neurons", "config"), "config.neurons", neuronCount);
        List<NsatConfig.Neuron> neurons = new ArrayList<>();
        for (int j = 0; j < neuronCount; j++) {
            neurons.add(neuron(file, ns.get(j), "config.neurons[" + j + "]", states, learning));
        }
        JsonNode ss = field(file, c, "synapses", "config");
        if (!ss.isArray()) {
            throw bad(file, "config.synapses", "must be an array");
        }
        List<NsatConfig.Synapse> synapses = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) {
            synapses.add(synapse(file, ss.get(i), "config.synapses[" + i + "]", globals));
        }
        JsonNode in = field(file, c, "input_spikes", "config");
        if (!in.isObject()) {
            throw bad(file, "config.input_spikes", "must be an object of \"inK\": [ticks]");
        }
        Map<Integer, int[]> inputSpikes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "config.input_spikes." + e.getKey();
            int index = unitIndex(file, e.getKey(), "in", path);
            inputSpikes.put(index, ints(file, e.getValue(), path, -1));
        }
        try {
            return new NsatConfig(ticks, inputs, states, globals, neurons, synapses, inputSpikes);
        } catch (IllegalArgumentException e) {
            throw new SpikecoreException("NSAT case " + file + ": " + e.getMessage());
        }
    }

    private static NsatConfig.Neuron neuron(Path file, JsonNode n, String path, int states, boolean learningOn) {
        if (n == null || !n.isObject()) {
            throw bad(file, path, "must be an object");
        }
        List<NsatConfig.Learning> learning = new ArrayList<>();
        org.spikecore.learn.LearningGate gate = null;
        int modulator = 0;
        if (learningOn) {
            modulator = intIn(file, n, "modg_state", path, 0, states - 1);
            try {
                gate = new org.spikecore.learn.LearningGate(intIn(file, n, "gate_low", path, Integer.MIN_VALUE,
                        Integer.MAX_VALUE), intIn(file, n, "gate_upper", path, Integer.MIN_VALUE, Integer.MAX_VALUE),
                        intIn(file, n, "period", path, 1, MAX_TICKS), intIn(file, n, "burn_in", path, 0, MAX_TICKS));
            } catch (IllegalArgumentException e) {
                throw bad(file, path + ".burn_in", "is invalid: " + e.getMessage());
            }
            JsonNode groups = array(file, field(file, n, "learning", path), path + ".learning", states);
            for (int k = 0; k < states; k++) {
                learning.add(learning(file, groups.get(k), path + ".learning[" + k + "]"));
            }
        }
        return new NsatConfig.Neuron(ints(file, field(file, n, "x_init", path), path + ".x_init", states),
                matrix(file, field(file, n, "A", path), path + ".A", states),
                matrix(file, field(file, n, "sA", path), path + ".sA", states),
                ints(file, field(file, n, "b", path), path + ".b", states),
                intIn(file, n, "x_thr", path, Integer.MIN_VALUE, Integer.MAX_VALUE), bool(file, n, "flag_Xth", path),
                bools(file, field(file, n, "reset_on", path), path + ".reset_on", states),
                ints(file, field(file, n, "x_reset_used", path), path + ".x_reset_used", states),
                ints(file, field(file, n, "x_spike_incr", path), path + ".x_spike_incr", states),
                ints(file, field(file, n, "x_thup", path), path + ".x_thup", states),
                ints(file, field(file, n, "x_thlow", path), path + ".x_thlow", states),
                intIn(file, n, "t_ref", path, 0, 1 << 20),
                ints(file, field(file, n, "w_gain", path), path + ".w_gain", states),
                ints(file, field(file, n, "prob", path), path + ".prob", states),
                ints(file, field(file, n, "sigma", path), path + ".sigma", states), modulator, gate, learning);
    }

    private static NsatConfig.Learning learning(Path file, JsonNode l, String path) {
        if (l == null || !l.isObject()) {
            throw bad(file, path, "must be an object");
        }
        org.spikecore.learn.NsatKernel kernel;
        try {
            kernel = new org.spikecore.learn.NsatKernel(intIn(file, l, "tstdp", path, 1, MAX_TICKS),
                    ints(file, field(file, l, "tca", path), path + ".tca", 2),
                    ints(file, field(file, l, "hica", path), path + ".hica", 3),
                    ints(file, field(file, l, "sica", path), path + ".sica", 3),
                    ints(file, field(file, l, "slca", path), path + ".slca", 3),
                    ints(file, field(file, l, "tac", path), path + ".tac", 2),
                    ints(file, field(file, l, "hiac", path), path + ".hiac", 3),
                    ints(file, field(file, l, "siac", path), path + ".siac", 3),
                    ints(file, field(file, l, "slac", path), path + ".slac", 3), bool(file, l, "stdp_exp_on", path));
        } catch (IllegalArgumentException e) {
            throw bad(file, path, "is not a valid STDP kernel: " + e.getMessage());
        }
        boolean rr = bool(file, l, "rr_on", path);
        return new NsatConfig.Learning(bool(file, l, "plastic", path), bool(file, l, "stdp_en", path), kernel,
                rr ? intIn(file, l, "rr_num_bits", path, 0, 30) : -1);
    }

    private static NsatConfig.Synapse synapse(Path file, JsonNode s, String path, NsatConfig.Globals g) {
        if (s == null || !s.isObject()) {
            throw bad(file, path, "must be an object");
        }
        String pre = text(file, field(file, s, "pre", path), path + ".pre");
        boolean input = pre.startsWith("in");
        int index = unitIndex(file, pre, input ? "in" : "n", path + ".pre");
        int w = intIn(file, s, s.has("w_loaded") ? "w_loaded" : "w", path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (g.weightCheck()) {
            w = (int) Math.max(-(1L << g.weightBoundary()), Math.min((1L << g.weightBoundary()) - 1, w));
        }
        return new NsatConfig.Synapse(input, index, intIn(file, s, "post", path, 0, MAX_UNITS),
                intIn(file, s, "state", path, 0, org.spikecore.model.NeuronModel.MAX_STATES - 1), w);
    }

    private static int unitIndex(Path file, String name, String prefix, String path) {
        if (name.startsWith(prefix) && name.length() > prefix.length() && name.length() < prefix.length() + 8) {
            String digits = name.substring(prefix.length());
            if (digits.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(digits);
            }
        }
        throw bad(file, path, "is '" + name + "', expected " + prefix + "K (K a non-negative integer)");
    }

    private static JsonNode field(Path file, JsonNode parent, String key, String path) {
        JsonNode v = parent == null ? null : parent.get(key);
        String where = path.isEmpty() ? key : path + "." + key;
        if (v == null || v.isNull()) {
            throw bad(file, where, "is missing");
        }
        return v;
    }

    private static int intIn(Path file, JsonNode parent, String key, String path, long min, long max) {
        JsonNode v = field(file, parent, key, path);
        String where = path + "." + key;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw bad(file, where, "is " + v + ", expected an integer in [" + min + ", " + max + "]");
        }
        return (int) v.asLong();
    }

    private static boolean bool(Path file, JsonNode parent, String key, String path) {
        JsonNode v = field(file, parent, key, path);
        if (!v.isBoolean()) {
            throw bad(file, path + "." + key, "is " + v + ", expected true or false");
        }
        return v.asBoolean();
    }

    private static String text(Path file, JsonNode v, String path) {
        if (!v.isTextual()) {
            throw bad(file, path, "is " + v + ", expected a string");
        }
        return v.asText();
    }

    private static JsonNode array(Path file, JsonNode v, String path, int length) {
        if (!v.isArray() || (length >= 0 && v.size() != length)) {
            throw bad(file, path, "must be an array of " + (length >= 0 ? length + " " : "") + "entries, got "
                    + (v.isArray() ? v.size() + " entries" : v.getNodeType().toString().toLowerCase()));
        }
        return v;
    }

    private static int[] ints(Path file, JsonNode v, String path, int length) {
        array(file, v, path, length);
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                throw bad(file, path + "[" + i + "]", "is " + e + ", expected a 32-bit integer");
            }
            out[i] = e.asInt();
        }
        return out;
    }

    private static boolean[] bools(Path file, JsonNode v, String path, int length) {
        array(file, v, path, length);
        boolean[] out = new boolean[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isBoolean()) {
                throw bad(file, path + "[" + i + "]", "is " + v.get(i) + ", expected true or false");
            }
            out[i] = v.get(i).asBoolean();
        }
        return out;
    }

    private static int[][] matrix(Path file, JsonNode v, String path, int n) {
        array(file, v, path, n);
        int[][] out = new int[n][];
        for (int r = 0; r < n; r++) {
            out[r] = ints(file, v.get(r), path + "[" + r + "]", n);
        }
        return out;
    }

    private static SpikecoreException bad(Path file, String path, String what) {
        return new SpikecoreException("NSAT case " + file + ": " + path + " " + what);
    }
}
