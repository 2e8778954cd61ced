package org.spikecore.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.spikecore.io.nir.NirConvention;
import org.spikecore.io.nir.NirFile;
import org.spikecore.io.nir.NirImport;
import org.spikecore.io.nir.NirReader;
import org.spikecore.io.nir.NirSimulation;
import org.spikecore.io.npy.Npy;
import org.spikecore.io.npy.NpyArray;

/**
 * NIR interchange on the embedded snnTorch export ({@code public_fc_lif.nir}: snnTorch 0.9.4's
 * {@code export_to_nir} of Linear(64,32) → Leaky → Linear(32,5) → Leaky, with snnTorch's own input
 * and output spikes beside it): read, simulated under two conventions, compared with snnTorch.
 */
public final class NirDemo extends TextSection {

    @Override
    public String title() {
        return "NIR interchange (an snnTorch export, embedded)";
    }

    private static byte[] resource(String name) {
        try (InputStream in = NirDemo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the embedded " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void show(PrintWriter out, long seed) {
        NirFile file = NirReader.read(resource("public_fc_lif.nir"), "public_fc_lif.nir");
        NpyArray in = Npy.parse(resource("public_fc_lif_input.npy"), "public_fc_lif_input.npy");
        NpyArray expected = Npy.parse(resource("public_fc_lif_output.npy"), "public_fc_lif_output.npy");
        out.printf("   %s (NIR %s, written by snnTorch): %d nodes, input %s, %d steps x %d samples%n", "public_fc_lif.nir", file.version(),
                file.graph().nodes().size(), java.util.Arrays.toString(in.shape()), in.dim(0), in.dim(1));
        for (NirConvention c : new NirConvention[] {NirConvention.SNNTORCH, NirConvention.EULER}) {
            NirSimulation sim = NirSimulation.compile(file.graph(), 1e-4, c);
            double[] y = sim.run(in).values();
            long same = 0;
            long spikes = 0;
            for (int k = 0; k < y.length; k++) {
                same += y[k] == expected.values()[k] ? 1 : 0;
                spikes += y[k] != 0 ? 1 : 0;
            }
            out.printf("   --convention %-8s %d output spikes; agreement with snnTorch's own output: %.2f%% of %d entries%n", c.label(), spikes,
                    100.0 * same / y.length, y.length);
        }
        NirImport.Result r = NirImport.modules(NirSimulation.compile(file.graph(), 1e-4, NirConvention.SNNTORCH));
        out.printf("   imports as a spikecore Sequential: %s%n", r.reason() == null ? r.modules().size() + " modules" : "no, " + r.reason());
        out.println("   (./spikecore nir info|simulate|export; docs/nir.md)");
    }
}
