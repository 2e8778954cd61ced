package org.spikecore.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.EncodingCost;
import org.spikecore.memory.LayerShape;
import org.spikecore.memory.RegionCost;

/**
 * The cost of one layer under one encoding: energy per pass (forward inference, backward error
 * propagation, weight update), per memory, per time step and per sample, with the counts that
 * produced it.
 *
 * <p>Memories: the encoding's synapse memories ({@link EncodingCost}) and the layer's neuron
 * state, which every encoding shares: {@code neuron-state} (one 16-bit word per post neuron, read
 * and written once per step by the neuron update and once per delivered synapse by its accumulate)
 * and, when errors flow back, {@code error-state} (one 16-bit error accumulator per pre neuron,
 * read and written once per synapse an error event reaches). Each is priced as its own memory.
 *
 * <p>Arithmetic: forward accumulates each delivered non-zero weight into a 16-bit state (one add);
 * backward multiplies each error by a weight (max(b, 8)-bit multiply) and accumulates (16-bit add);
 * the update pass adds a gradient to every stored weight (16-bit add); conv layers add one 16-bit
 * address addition per synapse they compute.
 *
 * @param layer        the layer's label
 * @param encoding     the encoding
 * @param weightBits   weight width
 * @param density      fraction of non-zero weights
 * @param wordBits     data word width (pointer tables are one pointer wide)
 * @param activity     rates, steps and updates
 * @param memories     per memory: its counts and energies
 * @param forwardStepJ forward energy per time step
 * @param backwardStepJ backward energy per time step
 * @param updateJ      energy of the update passes of one sample
 */
public record LayerCost(String layer, Encoding encoding, int weightBits, double density, int wordBits, Activity activity,
        List<MemoryCost> memories, double forwardStepJ, double backwardStepJ, double updateJ) {

    /** One memory's share; reads and writes per step of the forward and backward passes, per sample of the update. */
    public record MemoryCost(String name, int wordBits, long capacityBits, double forwardReadsPerStep,
            double forwardWritesPerStep, double backwardReadsPerStep, double backwardWritesPerStep, double updateReads,
            double updateWrites, double forwardStepJ, double backwardStepJ, double updateJ) {
    }

    /** Width of a neuron state and an error accumulator. */
    public static final int STATE_BITS = 16;

    /** Computes the cost of {@code shape} under {@code encoding} with {@code model}. */
    public static LayerCost of(LayerShape shape, Encoding encoding, int weightBits, double density, int wordBits,
            Activity activity, EnergyModel model) {
        List<RegionCost> regions = EncodingCost.regions(encoding, shape, weightBits, density, wordBits);
        double spikesPerStep = shape.pre() * activity.inputRate();
        double errorsPerStep = shape.post() * activity.errorRate();
        double updates = activity.updatesPerSample();
        List<MemoryCost> memories = new ArrayList<>();
        for (RegionCost r : regions) {
            memories.add(priced(model, r.name(), r.wordBits(), r.capacityBits(), spikesPerStep * r.forwardReads(), 0,
                    errorsPerStep * r.backwardReads(), 0, updates * r.updateReads(), updates * r.updateWrites()));
        }
        double delivered = spikesPerStep * density * shape.fanOut();
        double reached = errorsPerStep * density * shape.fanIn();
        memories.add(priced(model, "neuron-state", STATE_BITS, (long) shape.post() * STATE_BITS,
                delivered + shape.post(), delivered + shape.post(), 0, 0, 0, 0));
        if (activity.errorRate() > 0) {
            memories.add(priced(model, "error-state", STATE_BITS, (long) shape.pre() * STATE_BITS, 0, 0, reached, reached, 0,
                    0));
        }
        double fwd = 0;
        double bwd = 0;
        double upd = 0;
        for (MemoryCost mc : memories) {
            fwd += mc.forwardStepJ();
            bwd += mc.backwardStepJ();
            upd += mc.updateJ();
        }
        double add = model.operationEnergy(Operation.ADD, STATE_BITS);
        double mul = model.operationEnergy(Operation.MULTIPLY, Math.max(weightBits, 8));
        fwd += delivered * add + spikesPerStep * EncodingCost.addressOpsPerAccess(encoding, shape, density, true) * add;
        bwd += reached * (mul + add) + errorsPerStep * EncodingCost.addressOpsPerAccess(encoding, shape, density, false) * add;
        // dense layouts update every slot, the others only the non-zero weights they store
        double storedWeights = encoding == Encoding.CROSSBAR || encoding == Encoding.CONV_FUNC ? shape.distinctWeights()
                : density * shape.distinctWeights();
        upd += updates * storedWeights * add;
        return new LayerCost(shape.label(), encoding, weightBits, density, wordBits, activity, List.copyOf(memories), fwd,
                bwd, upd);
    }

    private static MemoryCost priced(EnergyModel model, String name, int wordBits, long capacityBits, double fr, double fw,
            double br, double bw, double ur, double uw) {
        double er = model.readEnergy(capacityBits, wordBits);
        double ew = model.writeEnergy(capacityBits, wordBits);
        return new MemoryCost(name, wordBits, capacityBits, fr, fw, br, bw, ur, uw, fr * er + fw * ew, br * er + bw * ew,
                ur * er + uw * ew);
    }

    public double forwardSampleJ() {
        return forwardStepJ * activity.steps();
    }

    public double backwardSampleJ() {
        return backwardStepJ * activity.steps();
    }

    /** Energy of one training iteration on one sample: forward and backward every step, the updates. */
    public double trainingSampleJ() {
        return forwardSampleJ() + backwardSampleJ() + updateJ;
    }

    /** Capacity of the encoding's synapse memories (neuron state excluded: every encoding has the same). */
    public long memoryBits() {
        return memories.stream().filter(m -> !m.name().endsWith("-state")).mapToLong(MemoryCost::capacityBits).sum();
    }

    /** This cost as one JSON-ready row. */
    public Map<String, Object> toRow() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", layer);
        m.put("encoding", encoding.cliName());
        m.put("bits", weightBits);
        m.put("density", density);
        m.put("word_bits", wordBits);
        m.put("input_rate", activity.inputRate());
        m.put("error_rate", activity.errorRate());
        m.put("steps", activity.steps());
        m.put("updates", activity.updatesPerSample());
        m.put("forward_J", forwardSampleJ());
        m.put("backward_J", backwardSampleJ());
        m.put("update_J", updateJ);
        m.put("training_J", trainingSampleJ());
        m.put("forward_J_per_step", forwardStepJ);
        m.put("backward_J_per_step", backwardStepJ);
        m.put("memory_bits", memoryBits());
        List<Map<String, Object>> mems = new ArrayList<>();
        for (MemoryCost mc : memories) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("memory", mc.name());
            r.put("word_bits", mc.wordBits());
            r.put("capacity_bits", mc.capacityBits());
            r.put("forward_reads_per_step", mc.forwardReadsPerStep());
            r.put("forward_writes_per_step", mc.forwardWritesPerStep());
            r.put("backward_reads_per_step", mc.backwardReadsPerStep());
            r.put("backward_writes_per_step", mc.backwardWritesPerStep());
            r.put("update_reads", mc.updateReads());
            r.put("update_writes", mc.updateWrites());
            r.put("forward_J_per_step", mc.forwardStepJ());
            r.put("backward_J_per_step", mc.backwardStepJ());
            r.put("update_J", mc.updateJ());
            mems.add(r);
        }
        m.put("memories", mems);
        return m;
    }
}
