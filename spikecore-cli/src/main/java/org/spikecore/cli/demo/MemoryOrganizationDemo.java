package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.spikecore.cli.experiments.MemoryStudy;
import org.spikecore.energy.Activity;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;

/** Synapse-memory organization: which encoding is cheapest where, and the seed paper's headline ratios. */
public final class MemoryOrganizationDemo implements DemoSection {

    @Override
    public String title() {
        return "memory organization and energy (FC 784x128, conv 28x28x32-32k3)";
    }

    @Override
    public List<String> run(PrintWriter out, long seed, Path plots) {
        Horowitz45nm model = new Horowitz45nm();
        out.printf("   %s v%s; 10 %% input spikes, 10 %% errors per step, 100 steps; forward + backward µJ per sample%n",
                model.name(), model.version());
        LayerShape fc = new LayerShape.Fc(784, 128);
        for (double d : new double[] {0.05, 0.25, 1.0}) {
            StringBuilder line = new StringBuilder();
            for (Encoding e : List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR)) {
                LayerCost c = LayerCost.of(fc, e, 8, d, 64, Activity.DEFAULT, model);
                line.append(String.format("  %s %.1f", e.cliName(), (c.forwardSampleJ() + c.backwardSampleJ()) * 1e6));
            }
            out.printf("   fc 8-bit density %.2f:%s%n", d, line);
        }
        LayerShape conv = new LayerShape.Conv(28, 28, 32, 32, 3);
        double csr = LayerCost.of(conv, Encoding.PB_CSR, 8, 1.0, 64, Activity.DEFAULT, model).backwardSampleJ();
        double func = LayerCost.of(conv, Encoding.CONV_FUNC, 8, 1.0, 64, Activity.DEFAULT, model).backwardSampleJ();
        out.printf("   conv 8-bit backward: conv-func %.0f µJ = %.2f x pb-csr's %.0f µJ (paper: up to 58 %% less)%n", func * 1e6,
                func / csr, csr * 1e6);
        out.printf("   700-400-250 per training iteration, 5-bit crossbar / 2-bit pb-bmp at their trained densities and measured "
                + "activity: %.2fx; at equal activity %.2fx (paper: 1.37x; the 2-bit network makes 3x the error events; "
                + "run memory-study)%n", MemoryStudy.patternRatio(model), MemoryStudy.patternRatioAtEqualActivity(model));
        return List.of();
    }
}
