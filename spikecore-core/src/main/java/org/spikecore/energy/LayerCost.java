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
 * produced it. Arithmetic: forward accumulates each delivered non-zero weight into a 16-bit state
 * (one add); backward multiplies each error by a weight (max(b, 8)-bit multiply) and accumulates
 * (16-bit add); the update pass adds a gradient to every stored weight (16-bit add); functional
 * encodings add one 16-bit address addition per synapse they compute.
 *
 * @param layer        the layer's label
 * @param encoding     the encoding
 * @param weightBits   weight width
 * @param density      fraction of non-zero weights
 * @param wordBits     memory word width
 * @param activity     rates and steps
 * @param memories     per memory: its counts and energies
 * @param forwardStepJ forward energy per time step
 * @param backwardStepJ backward energy per time step
 * @param updateJ      energy of one update pass (per sample)
 */
public record LayerCost(String layer, Encoding encoding, int weightBits, double density, int wordBits, Activity activity,
        List<MemoryCost> memories, double forwardStepJ, double backwardStepJ, double updateJ) {

    /** One memory's share. */
    public record MemoryCost(String name, int wordBits, long capacityBits, double forwardReadsPerStep,
            double backwardReadsPerStep, double updateReads, double updateWrites, double forwardStepJ,
            double backwardStepJ, double updateJ) {
    }

    private static final int ACCUMULATOR_BITS = 16;

    /** Computes the cost of {@code shape} under {@code encoding} with {@code model}. */
    public static LayerCost of(LayerShape shape, Encoding encoding, int weightBits, double density, int wordBits,
            Activity activity, EnergyModel model) {
        List<RegionCost> regions = EncodingCost.regions(encoding, shape, weightBits, density, wordBits);
        double spikesPerStep = shape.pre() * activity.inputRate();
        double errorsPerStep = shape.post() * activity.errorRate();
        List<MemoryCost> memories = new ArrayList<>();
        double fwd = 0;
        double bwd = 0;
        double upd = 0;
        for (RegionCost r : regions) {
            double er = model.readEnergy(r.capacityBits(), r.wordBits());
            double ew = model.writeEnergy(r.capacityBits(), r.wordBits());
            double f = spikesPerStep * r.forwardReads();
            double b = errorsPerStep * r.backwardReads();
            MemoryCost mc = new MemoryCost(r.name(), r.wordBits(), r.capacityBits(), f, b, r.updateReads(),
                    r.updateWrites(), f * er, b * er, r.updateReads() * er + r.updateWrites() * ew);
            memories.add(mc);
            fwd += mc.forwardStepJ();
            bwd += mc.backwardStepJ();
            upd += mc.updateJ();
        }
        double add = model.operationEnergy(Operation.ADD, ACCUMULATOR_BITS);
        double mul = model.operationEnergy(Operation.MULTIPLY, Math.max(weightBits, 8));
        fwd += spikesPerStep * (density * shape.fanOut() * add + EncodingCost.addressOpsPerAccess(encoding, shape, true) * add);
        bwd += errorsPerStep * (density * shape.fanIn() * (mul + add)
                + EncodingCost.addressOpsPerAccess(encoding, shape, false) * add);
        long storedWeights = encoding.convolutionOnly() ? shape.distinctWeights()
                : (long) Math.ceil(density * shape.pre() * (double) shape.fanOut());
        upd += storedWeights * add;
        return new LayerCost(shape.label(), encoding, weightBits, density, wordBits, activity, List.copyOf(memories), fwd,
                bwd, upd);
    }

    public double forwardSampleJ() {
        return forwardStepJ * activity.steps();
    }

    public double backwardSampleJ() {
        return backwardStepJ * activity.steps();
    }

    /** Energy of one training iteration on one sample: forward and backward every step, one update. */
    public double trainingSampleJ() {
        return forwardSampleJ() + backwardSampleJ() + updateJ;
    }

    public long memoryBits() {
        return memories.stream().mapToLong(MemoryCost::capacityBits).sum();
    }

    /** This cost as one JSON-ready row. */
    public Map<String, Object> toRow() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", layer);
        m.put("encoding", encoding.cliName());
        m.put("bits", weightBits);
        m.put("density", density);
        m.put("word_bits", wordBits);
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
            r.put("backward_reads_per_step", mc.backwardReadsPerStep());
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
