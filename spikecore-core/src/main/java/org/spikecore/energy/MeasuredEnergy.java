package org.spikecore.energy;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.memory.RegionCount;

/**
 * The energy of accesses a run actually made: each physical memory's measured reads and writes
 * priced by a model at that memory's own capacity and word width (the same pricing
 * {@link LayerCost} applies to closed-form counts). The learning share of the counts (the reads and
 * read-modify-writes a plasticity rule made) is priced the same way and reported apart.
 */
public final class MeasuredEnergy {

    private MeasuredEnergy() {
    }

    /**
     * One memory's measured share: all its accesses ({@code joules}) and, within them, those of
     * learning ({@code learningJoules}).
     */
    public record MemoryEnergy(String name, int wordBits, long capacityBits, long reads, long writes, double joules,
            long learningReads, long learningWrites, double learningJoules) {
    }

    /** Prices each region's counts. */
    public static List<MemoryEnergy> of(List<RegionCount> counts, EnergyModel model) {
        List<MemoryEnergy> out = new ArrayList<>();
        for (RegionCount c : counts) {
            long bits = c.region().bits();
            int w = c.region().wordBits();
            double read = model.readEnergy(bits, w);
            double write = model.writeEnergy(bits, w);
            out.add(new MemoryEnergy(c.region().name(), w, bits, c.reads(), c.writes(), c.reads() * read + c.writes() * write,
                    c.learningReads(), c.learningWrites(), c.learningReads() * read + c.learningWrites() * write));
        }
        return List.copyOf(out);
    }

    /** Total joules of {@code counts}. */
    public static double total(List<RegionCount> counts, EnergyModel model) {
        return of(counts, model).stream().mapToDouble(MemoryEnergy::joules).sum();
    }

    /** Joules of the learning share of {@code counts}. */
    public static double learning(List<RegionCount> counts, EnergyModel model) {
        return of(counts, model).stream().mapToDouble(MemoryEnergy::learningJoules).sum();
    }
}
