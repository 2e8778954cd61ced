package org.spikecore.train.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.spikecore.train.EngineDeployment;
import org.spikecore.train.FloatOps;
import org.spikecore.train.Groups;
import org.spikecore.train.Loss;
import org.spikecore.train.Optimizer;
import org.spikecore.train.TrainingState;
import org.spikecore.train.VanRossum;
import org.spikecore.train.Wage;

/**
 * A chain of {@link Module}s trained by BPTT: each step's input runs through every module in turn;
 * the last module is a {@link NeuronModule} whose spikes (or membrane) the {@link Loss} reads, or,
 * with {@link Loss.CeCounts}, any module whose real-valued output summed over the steps is the
 * logits (an ANN over one step, or a spiking network read out by integrating its last synaptic
 * layer without a threshold).
 *
 * <p><b>Threads and bits.</b> A batch is cut into groups of {@link #GROUP} consecutive samples,
 * whatever the thread count; each group's forward pass and BPTT run on one thread into the group's
 * own gradient, and the group gradients are added in group order (group 0, then + group 1, ...).
 * The order of every floating-point operation is therefore fixed by the batch alone, and
 * {@code --threads 1} and {@code --threads N} give the same bits.
 */
public final class Sequential {

    /** Samples per unit of parallel work (and of the fixed reduction order). */
    public static final int GROUP = 16;

    private final List<Module> modules;
    private final Loss loss;
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final List<float[]> parameters = new ArrayList<>();
    private int threads = 1;
    private Wage wage = Wage.FLOAT;
    private long seed;
    private List<float[]> masters = List.of();
    private int step;
    private int integerUnits; // 0: no integer grid
    private int recomputeEvery; // 0: the backward pass reads every step the forward pass kept
    /** Per module, non-zero entries of its input and of dL/d(its output) over the last training step (integer sums: thread-independent). */
    private final AtomicLongArray trainingInputs;
    private final AtomicLongArray trainingErrors;
    private long trainingSampleSteps; // samples x steps of the last training step

    public Sequential(List<Module> modules, Loss loss, Optimizer.Spec optimizer) {
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one module");
        }
        if (!(modules.get(modules.size() - 1) instanceof NeuronModule) && !(loss instanceof Loss.CeCounts)) {
            throw new IllegalArgumentException("a network must end in a neuron layer unless its loss is the cross-entropy of the "
                    + "summed outputs (CE_COUNTS)");
        }
        for (int k = 1; k < modules.size(); k++) {
            Shape prev = modules.get(k - 1).outShape();
            Shape next = modules.get(k).inShape();
            if (!prev.equals(next)) {
                throw new IllegalArgumentException("module " + k + " (" + modules.get(k).getClass().getSimpleName() + ") takes " + next
                        + " but module " + (k - 1) + " gives " + prev);
            }
        }
        this.modules = List.copyOf(modules);
        this.trainingInputs = new AtomicLongArray(modules.size());
        this.trainingErrors = new AtomicLongArray(modules.size());
        this.loss = loss;
        for (Module m : modules) {
            for (float[] p : m.parameters()) {
                parameters.add(p);
                optimizers.add(optimizer.create(p.length));
            }
        }
    }

    /** Threads for later batches; the result does not depend on it. */
    public Sequential withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Recompute-through-time for later training steps: the forward pass keeps the neuron layers'
     * state at the start of every {@code segment}-th step and drops the steps it has passed, and
     * the backward pass runs each segment's forward pass again from its start before going back
     * through it, so a group holds one segment's steps instead of all of them (for long sequences);
     * the gradients are the same bits. 0 keeps every step.
     */
    public Sequential withRecompute(int segment) {
        if (segment < 0) {
            throw new IllegalArgumentException("recompute segment must be positive (or 0 to keep every step), got " + segment);
        }
        this.recomputeEvery = segment;
        return this;
    }

    /**
     * Quantization-aware training with all four of {@code wage}'s widths: float master copies of every
     * parameter array (weights and biases, each with its own power-of-two scale) are updated by the
     * optimizer, and each batch runs forward and backward on their quantized copy (straight-through);
     * the neuron layers hold their membranes in the state format and round their errors dL/dU per
     * sample and step ({@link NeuronModule#runner(int, int, Wage)}); gradients are rounded
     * stochastically with draws keyed by (seed, batch number, array).
     */
    public Sequential withQuantization(Wage wage, long seed) {
        this.wage = wage;
        this.seed = seed;
        List<float[]> copies = new ArrayList<>();
        for (float[] p : parameters) {
            copies.add(p.clone());
        }
        this.masters = copies;
        return this;
    }

    public List<Module> modules() {
        return modules;
    }

    private int inSize() {
        return modules.get(0).inShape().size();
    }

    private int outSize() {
        return modules.get(modules.size() - 1).outShape().size();
    }

    /** The loss of a batch and its gradients, one array per parameter array in module order. */
    record Gradients(double loss, List<float[]> gradients) {
    }

    /**
     * One group's forward pass: the runners, the output per step, and with recomputation the
     * neuron layers' states at every segment start ({@code starts[segment][module]}, null otherwise).
     */
    private record Forward(List<Module.Runner> runners, float[][] output, Object[][] starts, int segment) {
    }

    private Forward forward(float[][] input, int from, int to, int steps) {
        return forward(input, from, to, steps, null, false);
    }

    /**
     * The forward pass; adds to {@code events[k + 1][i]} the non-zero outputs of unit i of module k
     * when it is not null; with {@code forTraining} and recomputation on, keeps the segment starts
     * and drops each finished segment (but the last) as the next one begins.
     */
    private Forward forward(float[][] input, int from, int to, int steps, long[][] events, boolean forTraining) {
        int batch = to - from;
        List<Module.Runner> runners = new ArrayList<>();
        for (Module m : modules) {
            runners.add(m instanceof NeuronModule n ? n.runner(batch, steps, wage) : m.runner(batch, steps));
        }
        int segment = forTraining && recomputeEvery > 0 && recomputeEvery < steps ? recomputeEvery : steps;
        Object[][] starts = segment < steps ? new Object[(steps + segment - 1) / segment][] : null;
        float[][] output = new float[steps][];
        long[] inputs = new long[runners.size()];
        for (int t = 0; t < steps; t++) {
            if (starts != null && t % segment == 0) {
                starts[t / segment] = stateBefore(runners, t);
            }
            float[] x = stepInput(input, from, to, steps, t);
            for (int k = 0; k < runners.size(); k++) {
                if (forTraining) {
                    inputs[k] += FloatOps.nonZeros(x);
                }
                x = runners.get(k).forward(t, x);
                if (events != null) {
                    countNonZeros(x, events[k + 1]);
                }
            }
            output[t] = x;
            if (starts != null && t % segment == 0 && t > 0) { // step t has read step t−1: the previous segment can go
                for (int u = t - segment; u < t; u++) {
                    forget(runners, u);
                }
            }
        }
        if (forTraining) {
            for (int k = 0; k < inputs.length; k++) {
                trainingInputs.addAndGet(k, inputs[k]);
            }
        }
        return new Forward(runners, output, starts, segment);
    }

    /** Step t's input of samples {@code [from, to)} (batch × in). */
    private float[] stepInput(float[][] input, int from, int to, int steps, int t) {
        int in = inSize();
        float[] x = new float[(to - from) * in];
        for (int b = 0; b < to - from; b++) {
            if (input[from + b].length != steps * in) {
                throw new IllegalArgumentException("sample " + (from + b) + " has " + input[from + b].length + " values, expected "
                        + steps + " steps x " + in);
            }
            System.arraycopy(input[from + b], t * in, x, b * in, in);
        }
        return x;
    }

    /** The neuron layers' states before step t (null for the other modules). */
    private static Object[] stateBefore(List<Module.Runner> runners, int t) {
        Object[] s = new Object[runners.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = runners.get(k) instanceof NeuronModule.NeuronRunner n ? n.stateBefore(t) : null;
        }
        return s;
    }

    private static void forget(List<Module.Runner> runners, int t) {
        for (Module.Runner r : runners) {
            r.forget(t);
        }
    }

    /**
     * Before the backward pass goes through step t: with recomputation, when t is the last step of a
     * segment, restores the segment's start (the backward pass of its first step reads it) and, but
     * for the last segment, which was kept, runs the segment's forward pass again.
     */
    private void recompute(Forward f, float[][] input, int from, int to, int steps, int t) {
        if (f.starts() == null) {
            return;
        }
        int segment = f.segment();
        int sg = t / segment;
        boolean last = sg == (steps - 1) / segment;
        if (t != (last ? steps - 1 : (sg + 1) * segment - 1)) {
            return; // inside a segment already there
        }
        int t0 = sg * segment;
        List<Module.Runner> runners = f.runners();
        for (int k = 0; k < runners.size(); k++) {
            if (runners.get(k) instanceof NeuronModule.NeuronRunner n) {
                n.restoreBefore(t0, f.starts()[sg][k]);
            }
        }
        if (last) {
            return;
        }
        for (int u = t0; u <= t; u++) {
            float[] x = stepInput(input, from, to, steps, u);
            for (Module.Runner r : runners) {
                x = r.forward(u, x);
            }
        }
    }

    /** After the backward pass went through step t: with recomputation, drops it. */
    private static void done(Forward f, int t) {
        if (f.starts() != null) {
            forget(f.runners(), t);
        }
    }

    private Gradients groupGradients(float[][] input, int[] labels, int from, int to, int steps) {
        int batch = to - from;
        int out = outSize();
        Forward f = forward(input, from, to, steps, null, true);
        List<Module.Runner> runners = f.runners();
        Module.Runner last = runners.get(runners.size() - 1);
        long[] errors = new long[runners.size()];
        double lossSum = 0;
        float[] counts = new float[batch * out];
        if (!(loss instanceof Loss.CeMembrane)) {
            for (float[] s : f.output()) {
                FloatOps.axpy(1f, s, 0, counts, 0, counts.length);
            }
        }
        // dL/d(output at t): from the count losses the same at every step, since the counts are sums
        // over time; zero under CE on the membrane, whose error enters through dL/dU per step
        float[] outputError = new float[batch * out];
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            int y = labels[from + b];
            lossSum += switch (loss) {
                case Loss.CeMembrane ce -> 0; // read per step below
                case Loss.CeCounts ce -> ce.sample(counts, o, out, y, input.length, outputError, o);
                case Loss.MseCounts mse -> mse.sample(counts, o, out, y, steps, input.length, outputError, o);
            };
        }
        for (int t = steps - 1; t >= 0; t--) {
            recompute(f, input, from, to, steps, t);
            float[] dy;
            if (loss instanceof Loss.CeMembrane ce) {
                NeuronModule.NeuronRunner neurons = (NeuronModule.NeuronRunner) last;
                float[] u = neurons.membrane(t);
                float[] dMembrane = new float[batch * out];
                for (int b = 0; b < batch; b++) {
                    lossSum += ce.sample(u, b * out, out, labels[from + b], input.length, dMembrane, b * out);
                }
                countErrors(runners, runners.size() - 1, dMembrane, errors);
                dy = neurons.backward(t, outputError, dMembrane);
            } else {
                countErrors(runners, runners.size() - 1, outputError, errors);
                dy = last.backward(t, outputError);
            }
            backBelowLast(runners, t, dy, errors);
            done(f, t);
        }
        return groupResult(runners, errors, lossSum);
    }

    Gradients gradients(float[][] input, int[] labels, int steps) {
        if (labels.length != input.length) {
            throw new IllegalArgumentException(input.length + " samples but " + labels.length + " labels");
        }
        return summed(input.length, (from, to) -> groupGradients(input, labels, from, to, steps));
    }

    /** The gradients of one group of samples {@code [from, to)}. */
    private interface GroupGradients {
        Gradients of(int from, int to);
    }

    /** The groups' gradients of {@code samples} samples, run on the threads and added in group order. */
    private Gradients summed(int samples, GroupGradients group) {
        int groups = (samples + GROUP - 1) / GROUP;
        List<Gradients> parts = Groups.map(threads, groups,
                g -> group.of(g * GROUP, Math.min(samples, (g + 1) * GROUP)));
        Gradients total = parts.get(0);
        double lossSum = total.loss();
        for (int g = 1; g < groups; g++) {
            Gradients p = parts.get(g);
            lossSum += p.loss();
            for (int k = 0; k < total.gradients().size(); k++) {
                float[] into = total.gradients().get(k);
                FloatOps.axpy(1f, p.gradients().get(k), 0, into, 0, into.length);
            }
        }
        return new Gradients(lossSum, total.gradients());
    }

    /**
     * One group's gradients towards target spike rasters under the Van Rossum loss; the forward
     * pass's output rasters go into {@code rasters[b]} (time-major, {@code [t·out + i]}).
     */
    private Gradients groupRasterGradients(float[][] input, float[][] targets, int from, int to, int steps, VanRossum vr,
            float[][] rasters) {
        int batch = to - from;
        int out = outSize();
        Forward f = forward(input, from, to, steps, null, true);
        float[][] dy = new float[steps][batch * out];
        double lossSum = 0;
        for (int b = 0; b < batch; b++) {
            float[] raster = new float[steps * out];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(f.output()[t], b * out, raster, t * out, out);
            }
            rasters[from + b] = raster;
            lossSum += vr.distance(raster, targets[from + b], steps, out);
            float[] g = vr.gradient(raster, targets[from + b], steps, out);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(g, t * out, dy[t], b * out, out);
            }
        }
        List<Module.Runner> runners = f.runners();
        long[] errors = new long[runners.size()];
        for (int t = steps - 1; t >= 0; t--) {
            recompute(f, input, from, to, steps, t);
            countErrors(runners, runners.size() - 1, dy[t], errors);
            backBelowLast(runners, t, runners.get(runners.size() - 1).backward(t, dy[t]), errors);
            done(f, t);
        }
        return groupResult(runners, errors, lossSum);
    }

    /**
     * Step t's backward pass below the last module, from {@code dy} = dL/d(output of the module
     * before the last), counting each module's non-zero errors; the first module computes its
     * parameter gradients only (the data's gradient is not needed).
     */
    private static void backBelowLast(List<Module.Runner> runners, int t, float[] dy, long[] errors) {
        for (int k = runners.size() - 2; k >= 1; k--) {
            countErrors(runners, k, dy, errors);
            dy = runners.get(k).backward(t, dy);
        }
        if (runners.size() > 1) {
            countErrors(runners, 0, dy, errors);
            runners.get(0).backwardParametersOnly(t, dy);
        }
    }

    /** A group's gradients in module order, its error counts added to the step's activity. */
    private Gradients groupResult(List<Module.Runner> runners, long[] errors, double lossSum) {
        addErrors(runners, errors);
        List<float[]> grads = new ArrayList<>();
        for (Module.Runner r : runners) {
            grads.addAll(List.of(r.gradients()));
        }
        return new Gradients(lossSum, grads);
    }

    /**
     * One training step towards target spike rasters ({@code targets[b][t·out + i]}, 0/1) under the
     * Van Rossum loss {@code vr} (its gradient with respect to the output spikes is the anti-causally
     * filtered error; the surrogate carries it into the membranes); returns the output rasters of
     * the forward pass the step trained on, before the update.
     */
    public float[][] trainTowards(float[][] input, float[][] targets, int steps, VanRossum vr) {
        if (targets.length != input.length) {
            throw new IllegalArgumentException(input.length + " samples but " + targets.length + " target rasters");
        }
        for (int b = 0; b < targets.length; b++) {
            if (targets[b].length != steps * outSize()) {
                throw new IllegalArgumentException("target raster " + b + " has " + targets[b].length + " values, expected " + steps
                        + " steps x " + outSize());
            }
        }
        float[][] rasters = new float[input.length][];
        startTrainingActivity(input.length, steps);
        step(() -> summed(input.length, (from, to) -> groupRasterGradients(input, targets, from, to, steps, vr, rasters)));
        return rasters;
    }

    /** One training step on a batch ({@code input[b][t·in + k]}): forward, BPTT, optimizer step; returns the loss. */
    public double trainBatch(float[][] input, int[] labels, int steps) {
        startTrainingActivity(input.length, steps);
        return step(() -> gradients(input, labels, steps));
    }

    /** Quantize the weights, take the gradients, optimizer step on the masters (or the weights); returns the loss. */
    private double step(java.util.function.Supplier<Gradients> gradients) {
        boolean quantized = !masters.isEmpty();
        if (quantized) {
            for (int k = 0; k < parameters.size(); k++) {
                quantize(k);
            }
        }
        Gradients g = gradients.get();
        for (int k = 0; k < parameters.size(); k++) {
            float[] grad = g.gradients().get(k);
            if (quantized) {
                wage.quantizeGradients(grad, seed, step, k);
                optimizers.get(k).apply(masters.get(k), grad);
                quantize(k);
            } else {
                optimizers.get(k).apply(parameters.get(k), grad);
            }
        }
        step++;
        return g.loss();
    }

    /** Parameter array k from its master: the WAGE quantizer, then the integer grid when there is one. */
    private void quantize(int k) {
        float[] p = parameters.get(k);
        wage.quantizeWeights(masters.get(k), p);
        if (integerUnits > 0) {
            int[] w = EngineDeployment.toInteger(p, integerUnits);
            for (int i = 0; i < p.length; i++) {
                p[i] = w[i] / (float) integerUnits; // exact: the passes see the engine's integer weights
            }
        }
    }

    /** Sets the learning rate of every optimizer for later steps (their moments are kept). */
    public void setLearningRate(float learningRate) {
        for (Optimizer o : optimizers) {
            o.setLearningRate(learningRate);
        }
    }

    /**
     * The parameters the passes use rounded, after {@code withQuantization}'s quantizer if any, to
     * multiples of 1/{@code unitsPerOne} saturated to 16 bits: the integer weights
     * {@link EngineDeployment} deploys, so that a forward pass in the engine's arithmetic (a
     * {@link Qpr} with integer units) runs on exactly the deployed weights. Float masters take the
     * optimizer's steps.
     */
    public Sequential withIntegerWeights(int unitsPerOne) {
        if (unitsPerOne < 1) {
            throw new IllegalArgumentException("units per 1.0 must be positive, got " + unitsPerOne);
        }
        if (masters.isEmpty()) {
            withQuantization(Wage.FLOAT, seed);
        }
        this.integerUnits = unitsPerOne;
        for (int k = 0; k < parameters.size(); k++) {
            quantize(k);
        }
        return this;
    }

    /** First word of a checkpoint, "SCSQ". */
    public static final int STATE_TAG = 0x53435351;

    /**
     * Writes everything training needs to continue: the batch count (it keys the stochastic
     * rounding), every parameter array, its float master when quantized, and its optimizer's
     * state. A network of the same modules, optimizer and quantization that reads it back continues
     * to the same bits as one that never stopped.
     */
    public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(STATE_TAG);
        out.writeInt(step);
        out.writeBoolean(!masters.isEmpty());
        for (int k = 0; k < parameters.size(); k++) {
            TrainingState.writeFloats(out, parameters.get(k));
            if (!masters.isEmpty()) {
                TrainingState.writeFloats(out, masters.get(k));
            }
            optimizers.get(k).writeState(out);
        }
    }

    /** Restores what {@link #writeState} wrote; the network must have the same shapes and quantization. */
    public void readState(java.io.DataInputStream in) throws java.io.IOException {
        TrainingState.expectTag(in, STATE_TAG, "sequential network");
        step = TrainingState.readCount(in, "optimizer step");
        if (in.readBoolean() != !masters.isEmpty()) {
            throw new java.io.IOException("checkpoint and network differ in whether they are quantized");
        }
        for (int k = 0; k < parameters.size(); k++) {
            TrainingState.readFloats(in, parameters.get(k));
            if (!masters.isEmpty()) {
                TrainingState.readFloats(in, masters.get(k));
            }
            optimizers.get(k).readState(in);
        }
    }

    /**
     * The last module's output at every step, {@code outputs[b][t·out + i]}: the real values an ANN's
     * logits or a spiking network's integrated readout are made of (their prefix sums are the
     * readouts of the first steps, so one run answers every shorter duration).
     */
    public float[][] outputs(float[][] input, int steps) {
        int out = outSize();
        float[][] result = new float[input.length][steps * out];
        int groups = (input.length + GROUP - 1) / GROUP;
        Groups.map(threads, groups, g -> {
            int from = g * GROUP;
            int to = Math.min(input.length, from + GROUP);
            float[][] output = forward(input, from, to, steps).output();
            for (int t = 0; t < steps; t++) {
                for (int b = from; b < to; b++) {
                    System.arraycopy(output[t], (b - from) * out, result[b], t * out, out);
                }
            }
            return g;
        });
        return result;
    }

    /** Output spike counts per sample and output neuron. */
    public int[][] infer(float[][] input, int steps) {
        return run(input, steps, false).counts();
    }

    /**
     * What inference saw, summed over samples and steps: the output spike counts per sample and
     * output neuron, and the non-zero values of the data ({@code inputEvents[j]}, per input unit j)
     * and of each module's output ({@code outputEvents[k][i]}, per unit i of module k) — the events
     * that drive the next layer's synapses, from which synaptic operations follow.
     */
    public record Inference(int[][] counts, long[] inputEvents, long[][] outputEvents) {

        /** All non-zero values of the data. */
        public long totalInputEvents() {
            return java.util.Arrays.stream(inputEvents).sum();
        }

        /** All non-zero outputs of module k. */
        public long totalOutputEvents(int k) {
            return java.util.Arrays.stream(outputEvents[k]).sum();
        }
    }

    /** {@link #infer} that also counts the events passed between modules. */
    public Inference inferWithEvents(float[][] input, int steps) {
        return run(input, steps, true);
    }

    /** Inference; the event arrays are empty unless {@code countEvents}. */
    private Inference run(float[][] input, int steps, boolean countEvents) {
        int out = outSize();
        int[][] counts = new int[input.length][out];
        int groups = (input.length + GROUP - 1) / GROUP;
        List<long[][]> perGroup = Groups.map(threads, groups, g -> {
            int from = g * GROUP;
            int to = Math.min(input.length, from + GROUP);
            long[][] events = new long[modules.size() + 1][];
            events[0] = new long[countEvents ? inSize() : 0];
            for (int k = 0; k < modules.size(); k++) {
                events[k + 1] = new long[countEvents ? modules.get(k).outShape().size() : 0];
            }
            if (countEvents) {
                for (int b = from; b < to; b++) {
                    countNonZeros(input[b], events[0]);
                }
            }
            float[][] output = forward(input, from, to, steps, countEvents ? events : null, false).output();
            for (float[] s : output) {
                for (int b = from; b < to; b++) {
                    for (int i = 0; i < out; i++) {
                        counts[b][i] += s[(b - from) * out + i] > 0.5f ? 1 : 0;
                    }
                }
            }
            return events;
        });
        long[][] total = perGroup.get(0);
        for (int g = 1; g < perGroup.size(); g++) {
            for (int k = 0; k < total.length; k++) {
                for (int i = 0; i < total[k].length; i++) {
                    total[k][i] += perGroup.get(g)[k][i];
                }
            }
        }
        return new Inference(counts, total[0], java.util.Arrays.copyOfRange(total, 1, total.length));
    }

    /** Adds 1 to {@code into[i mod into.length]} for every non-zero {@code x[i]} (values laid out unit by unit, repeatedly). */
    /** Adds the non-zero entries of dL/d(output of module k) to its count; a neuron layer counts its own error events instead. */
    private static void countErrors(List<Module.Runner> runners, int k, float[] d, long[] errors) {
        if (!(runners.get(k) instanceof NeuronModule.NeuronRunner)) {
            errors[k] += FloatOps.nonZeros(d);
        }
    }

    /** A group's error counts: a neuron layer's own error events, the non-zero dL/d(output) of any other module. */
    private void addErrors(List<Module.Runner> runners, long[] errors) {
        for (int k = 0; k < errors.length; k++) {
            trainingErrors.addAndGet(k, runners.get(k) instanceof NeuronModule.NeuronRunner n ? n.errorEvents() : errors[k]);
        }
    }

    /**
     * What one module did in the last training step, per unit and step of every sample: the fraction
     * of its input entries that were non-zero ({@code inputRate}: spikes into a synaptic layer) and
     * {@code errorRate}: for a neuron layer its error events (non-zero dL/dU after the error quantizer,
     * {@link NeuronModule.NeuronRunner#errorEvents}: what a chip's backward pass reads the transposed
     * weights of the synaptic layer before it for), for any other module the non-zero entries of
     * dL/d(its output). The rates the energy model takes ({@code spikecore cost --rates}).
     */
    public record ModuleActivity(int index, String module, double inputRate, double errorRate) {
    }

    /** Every module's activity in the last training step (empty before the first). */
    public List<ModuleActivity> lastTrainingActivity() {
        List<ModuleActivity> a = new ArrayList<>();
        if (trainingSampleSteps == 0) {
            return a;
        }
        for (int k = 0; k < modules.size(); k++) {
            Module m = modules.get(k);
            a.add(new ModuleActivity(k, m.getClass().getSimpleName(),
                    trainingInputs.get(k) / (double) (trainingSampleSteps * m.inShape().size()),
                    trainingErrors.get(k) / (double) (trainingSampleSteps * m.outShape().size())));
        }
        return a;
    }

    private void startTrainingActivity(int samples, int steps) {
        for (int k = 0; k < modules.size(); k++) {
            trainingInputs.set(k, 0);
            trainingErrors.set(k, 0);
        }
        trainingSampleSteps = (long) samples * steps;
    }

    private static void countNonZeros(float[] x, long[] into) {
        int n = into.length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0f) {
                into[i % n]++;
            }
        }
    }
}
