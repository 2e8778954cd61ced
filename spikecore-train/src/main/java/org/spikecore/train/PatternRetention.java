package org.spikecore.train;

import java.util.List;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.CounterRng;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Network;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Qpr;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/**
 * The seed paper's task (REFERENCES §1): a frozen random input raster (700 channels × 250 steps)
 * drives 400 hidden and 250 output Q/P/R neurons, trained by BPTT with a SuperSpike surrogate and
 * the Van Rossum loss to reproduce a 250×250 target raster, a procedurally drawn smiley (output
 * neuron = image row, time step = image column, only every other column). Full precision (float32).
 * The network is a {@link Sequential} of {@link Dense} and {@link Qpr} layers, trained by its BPTT
 * ({@link Sequential#trainTowards}) and deployed by {@link EngineDeployment}, as any other network.
 */
public final class PatternRetention implements TrainingRun.Trainer<PatternRetention.Epoch> {

    /**
     * The task's sizes and hyper-parameters.
     *
     * @param inputs        input channels
     * @param hidden        hidden neurons
     * @param outputs       output neurons (and image height)
     * @param steps         time steps (and image width)
     * @param inputRate     spike probability per input channel per step
     * @param surrogateBeta SuperSpike steepness
     * @param learningRate  Adam learning rate
     * @param vrDecay       Van Rossum filter decay per step
     * @param weightScale   initial weights are N(0, weightScale²/fan_in)
     */
    public record Config(int inputs, int hidden, int outputs, int steps, double inputRate, float surrogateBeta,
            float learningRate, float vrDecay, double weightScale) {

        /**
         * The paper's sizes with the hyper-parameters REFERENCES §1 found to learn (SuperSpike β = 10,
         * Adam 1e-3, filter 0.8). The initial weights are N(0, 0.3²/fan_in) rather than N(0, 1/fan_in):
         * our traces are not normalised (a steady input drives p to 32× a spike at α = 0.75, β = 0.875),
         * and at full scale the output fires 11,285 spikes in the first epoch (target: about 700),
         * then falls silent and does not recover — the failure REFERENCES §1 describes for large
         * initial weights.
         */
        public static final Config PAPER = new Config(700, 400, 250, 250, 0.05, 10f, 1e-3f, 0.8f, 0.3);

        public Config {
            if (inputs < 1 || hidden < 1 || outputs < 8 || steps < 8) {
                throw new IllegalArgumentException("pattern task needs positive sizes and at least 8 outputs and steps");
            }
            if (!(inputRate > 0 && inputRate < 1)) {
                throw new IllegalArgumentException("input rate must be in (0, 1), got " + inputRate);
            }
        }
    }

    /** The neuron constants of the paper: α = 0.75, β = 0.875 (shift-friendly), threshold 0.9, reset by subtracting 1. */
    static final float ALPHA = 0.75f;
    static final float BETA = 0.875f;
    static final float GAMMA = 0.875f;
    static final float DELTA = 1f;
    static final float THRESHOLD = 0.9f;

    private final Config config;
    private final float[] input;
    private final float[] target;
    /** Dense 700→400, Q/P/R, Dense 400→250, Q/P/R: one {@link Sequential}, BPTT and WAGE as for any network. */
    private final Sequential network;
    private final VanRossum loss;
    private final Wage wage;
    private final int integerUnits;
    private int epoch;
    private float[] lastOutput;

    /** The task in full precision. */
    public PatternRetention(Config config, long seed) {
        this(config, seed, Wage.FLOAT);
    }

    /** The task with WAGE quantization {@code wage} (float master weights, quantized passes). */
    public PatternRetention(Config config, long seed, Wage wage) {
        this(config, seed, wage, 0);
    }

    /**
     * The task with WAGE quantization {@code wage} and, when {@code integerUnits > 0}, the forward pass
     * in the bit-accurate engine's integer arithmetic at that many units per 1.0 ({@link Qpr}'s integer
     * form on weights rounded to the engine's integers, {@link Sequential#withIntegerWeights}; 16-bit
     * states, so {@code wage} must leave states to it): the network trains on exactly the spikes it
     * emits once deployed ({@link #toEngine}).
     */
    public PatternRetention(Config config, long seed, Wage wage, int integerUnits) {
        if (integerUnits > 0 && wage.stateBits() != 0) {
            throw new IllegalArgumentException("the integer forward pass keeps states in the engine's 16-bit words; "
                    + "leave --state-bits out (got " + wage.stateBits() + ")");
        }
        this.integerUnits = integerUnits;
        this.config = config;
        this.wage = wage;
        this.input = frozenInput(config, seed);
        this.target = smiley(config.outputs(), config.steps());
        List<Module> modules = modules(config, integerUnits,
                byInput(gaussianWeights(config.inputs(), config.hidden(), config.weightScale(), seed, 1), config.inputs(), config.hidden()),
                byInput(gaussianWeights(config.hidden(), config.outputs(), config.weightScale(), seed, 2), config.hidden(), config.outputs()));
        // the loss argument is the classifier's; this task trains by trainTowards under the Van Rossum loss
        network = new Sequential(modules, Loss.MSE_COUNTS, new Optimizer.AdamSpec(config.learningRate()))
                .withQuantization(wage, seed);
        if (integerUnits > 0) {
            network.withIntegerWeights(integerUnits);
        }
        loss = new VanRossum(config.vrDecay());
    }

    /** The network: Dense (no bias), Q/P/R, Dense, Q/P/R; integer forward passes at {@code integerUnits} when it is positive. */
    private static List<Module> modules(Config c, int integerUnits, float[] hiddenByInput, float[] outputByInput) {
        Surrogate s = Surrogate.superSpike(c.surrogateBeta());
        Qpr hidden = new Qpr(Shape.vector(c.hidden()), ALPHA, BETA, GAMMA, DELTA, THRESHOLD, true, SpikeFunction.step(s));
        Qpr output = new Qpr(Shape.vector(c.outputs()), ALPHA, BETA, GAMMA, DELTA, THRESHOLD, true, SpikeFunction.step(s));
        if (integerUnits > 0) {
            hidden = hidden.withIntegerArithmetic(integerUnits);
            output = output.withIntegerArithmetic(integerUnits);
        }
        return List.of(dense(c.inputs(), c.hidden(), hiddenByInput), hidden, dense(c.hidden(), c.outputs(), outputByInput), output);
    }

    private static Dense dense(int in, int out, float[] byInput) {
        Dense d = Dense.withoutBias(in, out, 1.0, 0, 0);
        System.arraycopy(byInput, 0, d.weightsByInput(), 0, byInput.length);
        return d;
    }

    /** Out × in weights (the order they are drawn in) as the engine's and {@link Dense}'s in × out. */
    private static float[] byInput(float[] outByIn, int in, int out) {
        float[] w = new float[in * out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                w[j * out + i] = outByIn[i * in + j];
            }
        }
        return w;
    }

    private int annealEpochs;

    /**
     * Anneals the learning rate over a run of {@code totalEpochs} epochs (0: constant): constant for
     * the first half, then down a half cosine to {@link #FINAL_LEARNING_RATE_FACTOR} of it at the last
     * epoch, so the final weights sit in a minimum instead of jittering around it. A pure function of
     * the epoch, so a resumed run with the same total follows the same schedule.
     */
    public void setAnnealing(int totalEpochs) {
        if (totalEpochs < 0) {
            throw new IllegalArgumentException("annealing epochs must be positive (or 0 for none), got " + totalEpochs);
        }
        this.annealEpochs = totalEpochs;
    }

    /** The learning rate at the last epoch of an annealed run, relative to the configured one. */
    public static final double FINAL_LEARNING_RATE_FACTOR = 0.05;

    static double annealFactor(int epoch, int total) {
        double start = total / 2.0;
        if (epoch < start) {
            return 1;
        }
        double x = Math.min(1, (epoch - start) / Math.max(1, total - 1 - start));
        return FINAL_LEARNING_RATE_FACTOR + (1 - FINAL_LEARNING_RATE_FACTOR) * 0.5 * (1 + Math.cos(Math.PI * x));
    }

    /** The quantization the task trains with. */
    public Wage wage() {
        return wage;
    }

    /** Units per 1.0 of the integer forward pass, or 0 when it runs in float. */
    public int integerUnits() {
        return integerUnits;
    }

    /** Weights N(0, scale²/fan_in) from the counter-based generator. */
    static float[] gaussianWeights(int in, int out, double scale, long seed, int layer) {
        float[] w = new float[in * out];
        double sd = scale / Math.sqrt(in);
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (CounterRng.gaussian(seed, 100 + layer, 0, k) * sd);
        }
        return w;
    }

    /** The frozen input raster (T x inputs): each channel spikes with {@code inputRate} per step. */
    static float[] frozenInput(Config c, long seed) {
        float[] x = new float[c.steps() * c.inputs()];
        for (int k = 0; k < x.length; k++) {
            x[k] = CounterRng.uniform(seed, 200, 0, k) < c.inputRate() ? 1f : 0f;
        }
        return x;
    }

    /**
     * A smiley on an {@code rows × cols} raster, time-major ({@code [t·rows + row]}): a face ring,
     * two eyes and a mouth arc, drawn with one-pixel lines, kept only on even time steps.
     */
    public static float[] smiley(int rows, int cols) {
        float[] r = new float[cols * rows];
        double cx = cols / 2.0;
        double cy = rows / 2.0;
        double size = Math.min(rows, cols);
        double face = 0.42 * size;
        double eye = 0.05 * size;
        double mouth = 0.25 * size;
        for (int t = 0; t < cols; t += 2) {
            for (int y = 0; y < rows; y++) {
                double dx = t + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double d = Math.hypot(dx, dy);
                boolean ring = Math.abs(d - face) < 0.75;
                boolean leftEye = Math.abs(Math.hypot(dx + 0.15 * size, dy + 0.12 * size) - eye) < 0.75;
                boolean rightEye = Math.abs(Math.hypot(dx - 0.15 * size, dy + 0.12 * size) - eye) < 0.75;
                boolean smile = Math.abs(d - mouth) < 0.75 && dy > 0.12 * size;
                if (ring || leftEye || rightEye || smile) {
                    r[t * rows + y] = 1f;
                }
            }
        }
        return r;
    }

    /** The result of one epoch: the Van Rossum distance and F1 of the forward pass before the update. */
    public record Epoch(double vrDistance, double f1, long outputSpikes, LayerActivity hidden, LayerActivity output) {
    }

    /**
     * A synaptic layer's measured activity in one epoch: input spikes per input and step, and error
     * events of its Q/P/R neurons — non-zero dL/dU after the error quantizer — per neuron and step (the
     * 400 → 250 layer's are the ones its transposed weights are read for; see {@link Sequential.ModuleActivity}).
     */
    public record LayerActivity(double inputRate, double errorRate) {
    }

    /** The mean activity of each synaptic layer (hidden, output) over {@code epochs}. */
    public static LayerActivity[] meanActivity(List<Epoch> epochs) {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("no epochs to average");
        }
        double[] m = new double[4];
        for (Epoch e : epochs) {
            m[0] += e.hidden().inputRate();
            m[1] += e.hidden().errorRate();
            m[2] += e.output().inputRate();
            m[3] += e.output().errorRate();
        }
        int n = epochs.size();
        return new LayerActivity[] {new LayerActivity(m[0] / n, m[1] / n), new LayerActivity(m[2] / n, m[3] / n)};
    }

    /** One epoch: quantize the weights, forward, Van Rossum loss, BPTT, quantize the gradients, Adam step on the masters. */
    @Override
    public Epoch trainEpoch() {
        int steps = config.steps();
        if (annealEpochs > 0) {
            network.setLearningRate((float) (config.learningRate() * annealFactor(epoch, annealEpochs)));
        }
        float[] out = network.trainTowards(new float[][] {input}, new float[][] {target}, steps, loss)[0];
        lastOutput = out;
        double vr = loss.distance(out, target, steps, config.outputs());
        double f1 = SpikeTiming.f1(out, target, steps, config.outputs(), 1);
        epoch++;
        long spikes = 0;
        for (float s : out) {
            spikes += s != 0f ? 1 : 0;
        }
        List<Sequential.ModuleActivity> a = network.lastTrainingActivity(); // Dense, Qpr, Dense, Qpr
        return new Epoch(vr, f1, spikes, new LayerActivity(a.get(0).inputRate(), a.get(1).errorRate()),
                new LayerActivity(a.get(2).inputRate(), a.get(3).errorRate()));
    }

    /** The output raster of the last epoch's forward pass. */
    public float[] lastOutput() {
        return lastOutput == null ? null : lastOutput.clone();
    }

    public float[] target() {
        return target.clone();
    }

    /** The frozen input raster (T x inputs). */
    public float[] input() {
        return input.clone();
    }

    /** The network's modules (Dense, Q/P/R, Dense, Q/P/R) with the weights the passes use. */
    public List<Module> modules() {
        return network.modules();
    }

    /** The hidden layer's weights as the forward pass uses them (quantized), by input: {@code [j·hidden + i]}. */
    public float[] hiddenWeights() {
        return ((Dense) network.modules().get(0)).weightsByInput().clone();
    }

    /** The output layer's weights as the forward pass uses them (quantized), by input: {@code [j·outputs + i]}. */
    public float[] outputWeights() {
        return ((Dense) network.modules().get(2)).weightsByInput().clone();
    }

    /** A forward pass with the current weights (no update): the output raster (T x outputs). */
    public float[] forward() {
        return network.outputs(new float[][] {input}, config.steps())[0];
    }

    /**
     * A forward pass of the current weights rounded to {@code units} per 1.0 in the engine's integer
     * arithmetic ({@link Qpr}'s integer form): the spikes the network deployed at {@code units}
     * emits, computed by the trainer.
     */
    public float[] integerForward(int units) {
        List<Module> integer = modules(config, units, onGrid(hiddenWeights(), units), onGrid(outputWeights(), units));
        return new Sequential(integer, Loss.MSE_COUNTS, new Optimizer.AdamSpec(config.learningRate())) // never steps
                .outputs(new float[][] {input}, config.steps())[0];
    }

    private static float[] onGrid(float[] w, int units) {
        int[] integer = EngineDeployment.toInteger(w, units);
        float[] x = new float[w.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = integer[k] / (float) units;
        }
        return x;
    }

    /**
     * The engine network of the current weights through the one deployment path
     * ({@link EngineDeployment#toEngine}): 16-bit integer weights at {@code unitsPerOne} per 1.0,
     * the Q/P/R populations "hidden" and "output", the frozen input raster as an array source.
     */
    public Network toEngine(int unitsPerOne) {
        int events = 0;
        for (float x : input) {
            events += x != 0f ? 1 : 0;
        }
        int[] ticks = new int[events];
        int[] neurons = new int[events];
        int k = 0;
        for (int t = 0; t < config.steps(); t++) {
            for (int j = 0; j < config.inputs(); j++) {
                if (input[t * config.inputs() + j] != 0f) {
                    ticks[k] = t;
                    neurons[k++] = j;
                }
            }
        }
        return EngineDeployment.toEngine(network.modules(), new ArraySource("input", config.inputs(), ticks, neurons),
                EngineDeployment.Formats.int16(unitsPerOne), List.of("hidden", "output"),
                Math.max(3 * config.hidden(), 3 * config.outputs()));
    }

    /** The output raster (T x outputs) of the network deployed at {@code unitsPerOne} ({@link #toEngine}) run on the engine. */
    public float[] engineOutput(int unitsPerOne) {
        float[] engine = new float[config.steps() * config.outputs()];
        try (Simulation sim = new Simulation(toEngine(unitsPerOne), 1, 1, true)) {
            SpikeRecorder r = sim.recordSpikes("output");
            sim.run(config.steps());
            for (int k = 0; k < r.size(); k++) {
                engine[r.ticks()[k] * config.outputs() + r.neurons()[k]] = 1f;
            }
        }
        return engine;
    }

    public Config config() {
        return config;
    }

    /** Fraction of exactly-zero weights (as the forward pass uses them) of the hidden and output layers. */
    public double[] zeroWeightFractions() {
        return new double[] {zeroFraction(hiddenWeights()), zeroFraction(outputWeights())};
    }

    /** Epochs trained so far. */
    @Override
    public int epoch() {
        return epoch;
    }

    /**
     * Writes everything training needs to continue (epoch, then the network's state: weights, float
     * masters, Adam moments and step): a task built with the same configuration, seed and
     * quantization that reads it back continues to the same bits as one that never stopped.
     */
    @Override
    public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(STATE_MAGIC);
        out.writeInt(epoch);
        network.writeState(out);
    }

    /**
     * Restores what {@link #writeState} wrote; sizes must match this task. Also reads the state of the
     * trainer before this one (tag "SCPR": the epoch, both layers' float masters out × in, their Adam
     * states), by transposing it into the network's layout: such a checkpoint loads and continues,
     * on this trainer's arithmetic.
     */
    @Override
    public void readState(java.io.DataInputStream in) throws java.io.IOException {
        int tag = in.readInt();
        if (tag == FIRST_STATE_MAGIC) {
            epoch = TrainingState.readCount(in, "epoch");
            network.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(firstStateAsSequential(in))));
            return;
        }
        if (tag != STATE_MAGIC) {
            throw new java.io.IOException("not a pattern-retention state (tag " + Integer.toHexString(tag) + ")");
        }
        epoch = TrainingState.readCount(in, "epoch");
        network.readState(in);
    }

    /** The first trainer's masters and Adam states (out × in), after its epoch, as {@link Sequential#writeState} writes them. */
    private byte[] firstStateAsSequential(java.io.DataInputStream in) throws java.io.IOException {
        int[][] sizes = {{config.inputs(), config.hidden()}, {config.hidden(), config.outputs()}};
        float[][] masters = new float[2][];
        for (int k = 0; k < 2; k++) {
            masters[k] = new float[sizes[k][0] * sizes[k][1]];
            TrainingState.readFloats(in, masters[k]);
        }
        int[] steps = new int[2];
        float[][][] moments = new float[2][2][];
        for (int k = 0; k < 2; k++) {
            steps[k] = TrainingState.readCount(in, "optimizer step");
            for (int a = 0; a < 2; a++) {
                moments[k][a] = new float[masters[k].length];
                TrainingState.readFloats(in, moments[k][a]);
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(Sequential.STATE_TAG);
        out.writeInt(epoch); // one step per epoch
        out.writeBoolean(true); // the task always keeps float masters
        for (int k = 0; k < 2; k++) {
            float[] master = byInput(masters[k], sizes[k][0], sizes[k][1]);
            float[] used = new float[master.length];
            wage.quantizeWeights(master, used);
            TrainingState.writeFloats(out, integerUnits > 0 ? onGrid(used, integerUnits) : used);
            TrainingState.writeFloats(out, master);
            out.writeInt(steps[k]);
            TrainingState.writeFloats(out, byInput(moments[k][0], sizes[k][0], sizes[k][1]));
            TrainingState.writeFloats(out, byInput(moments[k][1], sizes[k][0], sizes[k][1]));
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static final int STATE_MAGIC = 0x53435032; // "SCP2": the Sequential form
    private static final int FIRST_STATE_MAGIC = 0x53435052; // "SCPR": the first trainer's, weights out x in

    private static double zeroFraction(float[] w) {
        long z = 0;
        for (float x : w) {
            z += x == 0f ? 1 : 0;
        }
        return z / (double) w.length;
    }
}
