package org.spikecore.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spikecore.sweep.ExperimentCatalog;
import org.spikecore.sweep.Grid;
import org.spikecore.sweep.LocalEngine;
import org.spikecore.sweep.Sweep;
import org.spikecore.sweep.SweepTable;

/** A design-space sweep in miniature: the frontier's points at two widths and two seeds, one epoch each, on two threads. */
public final class SweepDemo extends TextSection {

    private static final List<String> SHOWN = List.of("weight_bits", "seed", "vr_distance", "density.hidden", "density.output",
            "training_iteration_uJ.crossbar", "training_iteration_uJ.pb-bmp", "training_iteration_uJ.pb-csr");

    private final ExperimentCatalog catalog;

    /** Sweeps the experiments of {@code catalog} (the CLI's). */
    public SweepDemo(ExperimentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String title() {
        return "design-space sweep (thread pool; Spark with --engine spark)";
    }

    @Override
    void show(PrintWriter out, long seed) {
        Path dir;
        try {
            dir = Files.createTempDirectory("spikecore-demo-sweep");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String grid = "weight_bits=2|4; seed=0|1";
            Sweep.Spec spec = new Sweep.Spec("memorg-frontier", Map.of("epochs", "1"), Grid.parse(grid), seed, dir);
            Sweep.Result first = Sweep.run(catalog, spec, new LocalEngine(2, 1), new PrintWriter(new StringWriter()), false);
            Sweep.Result again = Sweep.run(catalog, spec, new LocalEngine(2, 1), new PrintWriter(new StringWriter()), false);
            out.printf("   spikecore sweep --experiment memorg-frontier --grid '%s' --epochs 1: %d points computed; run again: %d "
                    + "computed, %d found in the store%n", grid, first.computed(), again.computed(), again.stored());
            print(first.table(), out);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void print(SweepTable table, PrintWriter out) {
        StringBuilder head = new StringBuilder("  ");
        for (String c : SHOWN) {
            head.append(String.format(Locale.ROOT, " %14s", c.replace("training_iteration_uJ.", "uJ ")));
        }
        out.println(head);
        for (int r = 0; r < table.rows().size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            for (String c : SHOWN) {
                Object v = table.column(c).get(r);
                line.append(v instanceof Double d ? String.format(Locale.ROOT, " %14.4g", d) : String.format(Locale.ROOT, " %14s", v));
            }
            out.println(line);
        }
    }
}
