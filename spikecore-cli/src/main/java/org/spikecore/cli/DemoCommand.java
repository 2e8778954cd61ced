package org.spikecore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.cli.demo.ConversionDemo;
import org.spikecore.cli.demo.DemoSection;
import org.spikecore.cli.demo.ContinualDemo;
import org.spikecore.cli.demo.DiehlCookDemo;
import org.spikecore.cli.demo.EngineDemo;
import org.spikecore.cli.demo.FixedPointDemo;
import org.spikecore.cli.demo.MemoryOrganizationDemo;
import org.spikecore.cli.demo.NirDemo;
import org.spikecore.cli.demo.ImageClassificationDemo;
import org.spikecore.cli.demo.NsatDemo;
import org.spikecore.cli.demo.SweepDemo;
import org.spikecore.cli.demo.OnChipLearningDemo;
import org.spikecore.cli.demo.TrainingDemo;
import org.spikecore.cli.report.HtmlReport;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.ResultsJson;
import org.spikecore.io.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The product's face: every capability as a short run on embedded defaults, no downloads; it
 * prints what it computes and writes report.html, results.json and the plots into {@code --out}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every capability briefly on embedded defaults, print what it computes and write a report.")
public final class DemoCommand implements Callable<Integer> {

    /** Where the demo writes when no --out is given (relative to the working directory). */
    static final Path DEFAULT_OUT = Path.of("runs", "demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", description = "Run only the sections whose title contains this text.")
    String only;

    @Option(names = "--out", description = "Directory for report.html, results.json and the plots (default: runs/demo).")
    Path out = DEFAULT_OUT;

    /** The sections in the order the demo shows them. */
    static List<DemoSection> sections() {
        return List.of(new FixedPointDemo(), new EngineDemo(), new NsatDemo(), new MemoryOrganizationDemo(), new TrainingDemo(),
                new ImageClassificationDemo(), new OnChipLearningDemo(), new ConversionDemo(), new DiehlCookDemo(), new NirDemo(),
                new SweepDemo(SweepCatalog.INSTANCE), new ContinualDemo());
    }

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        List<DemoSection> chosen = sections().stream()
                .filter(s -> only == null || s.title().toLowerCase().contains(only.toLowerCase()))
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--only '" + only + "' matches no demo section; sections: "
                    + sections().stream().map(DemoSection::title).toList());
        }
        AtomicFiles.checkOutputDirectory(out);
        List<String> command = new ArrayList<>(List.of("spikecore", "demo", "--seed", Long.toString(seed), "--out", out.toString()));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("out", out.toString());
        if (only != null) {
            command.addAll(List.of("--only", only));
            config.put("only", only);
        }
        RunRecord record = RunRecord.now(command, config, seed);
        AtomicFiles.stageDirectory(out, staging -> {
            List<Map<String, Object>> done = new ArrayList<>();
            List<HtmlReport.Section> texts = new ArrayList<>();
            List<String> plots = new ArrayList<>();
            int n = 0;
            for (DemoSection section : chosen) {
                n++;
                String heading = String.format("== %d/%d %s ==", n, chosen.size(), section.title());
                console.printf("%n%s%n", heading);
                console.flush();
                StringWriter text = new StringWriter();
                long t0 = System.nanoTime();
                List<String> made = section.run(new PrintWriter(text, true), seed, staging);
                double seconds = (System.nanoTime() - t0) / 1e9;
                console.print(text);
                console.printf("   (%.2f s)%n", seconds);
                console.flush();
                plots.addAll(made);
                texts.add(new HtmlReport.Section(section.title(), text.toString()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("title", section.title());
                row.put("seconds", seconds);
                row.put("plots", made);
                row.put("output", text.toString());
                done.add(row);
            }
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("sections", done.size());
            results.put("seconds", done.stream().mapToDouble(r -> (double) r.get("seconds")).sum());
            Map<String, Object> perSection = new LinkedHashMap<>();
            done.forEach(r -> perSection.put((String) r.get("title"), r.get("seconds")));
            results.put("seconds_per_section", perSection);
            results.put("plots", plots);
            results.put("demo", done);
            ResultsJson.write(staging.resolve("results.json"), record, results);
            HtmlReport.write(staging.resolve("report.html"), "spikecore demo", record.toMap(), results, staging, plots, texts);
            return results;
        });
        console.printf("%nreport: %s%n", out.toAbsolutePath().normalize().resolve("report.html"));
        return 0;
    }
}
