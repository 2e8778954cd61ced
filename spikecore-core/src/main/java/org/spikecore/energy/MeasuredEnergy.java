package org.spikecore.energy;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.memory.RegionCount;

/**
 * The energy of accesses a run actually made: each physical memory's measured reads and writes
 * priced by a model at that memory's own capacity and word width (the same pricing
 * {@link LayerCost} applies to closed-form counts).
 */
public final class MeasuredEnergy {

    private MeasuredEnergy() {
    }

    /** One memory's measured share. */
    public record MemoryEnergy(String name, int wordBits, long capacityBits, long reads, long writes, double joules) {
    }

    /** Prices each region's counts. */
    public static List<MemoryEnergy> of(List<RegionCount> counts, EnergyModel model) {
        List<MemoryEnergy> out = new ArrayList<>();
        for (RegionCount c : counts) {
            long bits = c.region().bits();
            int w = c.region().wordBits();
            out.add(new MemoryEnergy(c.region().name(), w, bits, c.reads(), c.writes(),
                    c.reads() * model.readEnergy(bits, w) + c.writes() * model.writeEnergy(bits, w)));
        }
        return List.copyOf(out);
    }

    /** Total joules of {@code counts}. */
    public static double total(List<RegionCount> counts, EnergyModel model) {
        return of(counts, model).stream().mapToDouble(MemoryEnergy::joules).sum();
    }
}
