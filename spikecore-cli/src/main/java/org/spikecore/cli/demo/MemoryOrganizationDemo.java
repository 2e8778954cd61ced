package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.spikecore.energy.Activity;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;

/** Synapse-memory organization: what a layer costs under each encoding (the seed paper's question). */
public final class MemoryOrganizationDemo implements DemoSection {

    @Override
    public String title() {
        return "memory organization and energy (FC 784x128, conv 28x28x32-32k3)";
    }

    @Override
    public List<String> run(PrintWriter out, long seed, Path plots) {
        Horowitz45nm model = new Horowitz45nm();
        out.printf("   %s v%s; 10 %% input spikes, 10 %% errors per step, 100 steps; µJ per training sample%n", model.name(),
                model.version());
        out.printf("   %-20s %-14s %4s %7s %10s %10s %10s %10s%n", "layer", "encoding", "bits", "density", "KiB", "forward",
                "backward", "training");
        LayerShape fc = new LayerShape.Fc(784, 128);
        for (int bits : new int[] {2, 8}) {
            for (double d : new double[] {0.1, 0.7}) {
                for (Encoding e : List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL)) {
                    print(out, LayerCost.of(fc, e, bits, d, 64, Activity.DEFAULT, model));
                }
            }
        }
        LayerShape conv = new LayerShape.Conv(28, 28, 32, 32, 3);
        for (Encoding e : List.of(Encoding.PB_CSR, Encoding.DUAL, Encoding.CONV_FUNC, Encoding.CONV_FUNC_BMP)) {
            print(out, LayerCost.of(conv, e, 2, 0.67, 64, Activity.DEFAULT, model));
        }
        return List.of();
    }

    private static void print(PrintWriter out, LayerCost c) {
        out.printf("   %-20s %-14s %4d %7.2f %10.1f %10.3f %10.3f %10.3f%n", c.layer(), c.encoding().cliName(), c.weightBits(),
                c.density(), c.memoryBits() / 8192.0, c.forwardSampleJ() * 1e6, c.backwardSampleJ() * 1e6,
                c.trainingSampleJ() * 1e6);
    }
}
