package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.energy.EnergyModel;
import org.spikecore.train.PatternRetention;
import org.spikecore.train.Wage;

/**
 * One point of the seed paper's energy-vs-Van-Rossum frontier (REFERENCES §1): the 700-400-250
 * pattern-retention network trained with {@code --weight-bits B} (states, errors and gradients at
 * 8 bits, as in the paper's weight sweep), then priced per training iteration under crossbar,
 * PB-BMP and PB-CSR at the density its trained weights have. No plots or progress bars of its own:
 * it is made to run many at once ({@code spikecore sweep --preset memorg-frontier}).
 */
public final class MemorgFrontierExperiment implements Experiment {

    private static final Set<String> OPTIONS = Set.of("epochs", "weight-bits");

    @Override
    public String name() {
        return "memorg-frontier";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "one point of the energy-vs-Van-Rossum frontier: pattern retention at --weight-bits B (2), --epochs N (1500), priced "
                + "under crossbar, pb-bmp and pb-csr at its trained density and measured activity";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        int epochs = Options.intOption(options, "epochs", 1500, 1);
        int bits = Options.intOption(options, "weight-bits", 2, 2);
        PatternRetention.Config config = PatternRetention.Config.PAPER;
        Wage wage = new Wage(bits, 8, 8, 8, Wage.WeightScale.MSE);
        PatternRetention task = new PatternRetention(config, seed, wage);
        task.setAnnealing(epochs);
        List<PatternRetention.Epoch> trained = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            trained.add(task.trainEpoch());
        }
        PatternRetention.Epoch last = trained.get(epochs - 1);
        PatternRetention.LayerActivity[] activity = PatternRetentionExperiment.trainedActivity(trained);
        double[] zeros = task.zeroWeightFractions();
        Map<String, Object> density = new LinkedHashMap<>();
        density.put("hidden", 1 - zeros[0]);
        density.put("output", 1 - zeros[1]);
        Map<String, Object> uJ = FrontierPricing.trainingIterationMicrojoules(config, bits, 1 - zeros[0], 1 - zeros[1], activity[0],
                activity[1]);
        EnergyModel model = FrontierPricing.model();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("precision", wage.widths());
        results.put("epochs", epochs);
        results.put("vr_distance", last.vrDistance());
        results.put("f1", last.f1());
        results.put("density", density);
        results.put("hidden_rate", activity[1].inputRate());
        results.put("output_error_rate", activity[1].errorRate());
        results.put("training_iteration_uJ", uJ);
        results.put("energy_model", model.name() + " v" + model.version() + ", " + FrontierPricing.WORD_BITS + "-bit words");
        out.printf("memorg-frontier (%s, seed %d): %d epochs, Van Rossum %.3f, F1 %.3f, densities %.3f / %.3f, hidden spikes %.2f %%, "
                + "output error events %.1f %% per step, µJ per training iteration %s%n", wage.widths(), seed, epochs, last.vrDistance(),
                last.f1(), 1 - zeros[0], 1 - zeros[1], 100 * activity[1].inputRate(), 100 * activity[1].errorRate(), uJ);
        return results;
    }
}
