package org.spikecore.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikecore.cli.demo.DemoSection;
import org.spikecore.cli.demo.EngineDemo;
import org.spikecore.cli.demo.FixedPointDemo;
import org.spikecore.cli.demo.MemoryOrganizationDemo;
import org.spikecore.cli.demo.NirDemo;
import org.spikecore.cli.demo.ImageClassificationDemo;
import org.spikecore.cli.demo.NsatDemo;
import org.spikecore.cli.demo.OnChipLearningDemo;
import org.spikecore.cli.demo.TrainingDemo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The product's face: every capability as a short run on embedded defaults, no downloads. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every capability briefly on embedded defaults and print what it computes.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", description = "Run only the sections whose title contains this text.")
    String only;

    /** The sections in the order the demo shows them. */
    static List<DemoSection> sections() {
        return List.of(new FixedPointDemo(), new EngineDemo(), new NsatDemo(), new MemoryOrganizationDemo(), new TrainingDemo(),
                new ImageClassificationDemo(), new NirDemo(), new OnChipLearningDemo());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DemoSection> chosen = sections().stream()
                .filter(s -> only == null || s.title().toLowerCase().contains(only.toLowerCase()))
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--only '" + only + "' matches no demo section; sections: "
                    + sections().stream().map(DemoSection::title).toList());
        }
        int n = 0;
        for (DemoSection section : chosen) {
            n++;
            out.printf("%n== %d/%d %s ==%n", n, chosen.size(), section.title());
            long t0 = System.nanoTime();
            section.run(out, seed);
            out.printf("   (%.2f s)%n", (System.nanoTime() - t0) / 1e9);
            out.flush();
        }
        return 0;
    }
}
