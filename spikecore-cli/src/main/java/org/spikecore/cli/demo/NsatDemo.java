package org.spikecore.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.Format;
import org.spikecore.io.NsatCaseFiles;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Noise;
import org.spikecore.model.Population;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;
import org.spikecore.nsat.NsatConfig;
import org.spikecore.nsat.NsatRun;

/**
 * NSAT semantics: NSAT's own Mihalas–Niebur test configuration replayed against the trace the NSAT
 * C simulator recorded (embedded), the rules where the engine's own semantics differ, and
 * zero-mean noise.
 */
public final class NsatDemo extends TextSection {

    private static final String CASE = "/nsat/mn_neuron.json";

    @Override
    public String title() {
        return "NSAT semantics (golden trace of the NSAT C simulator, rules, zero-mean noise)";
    }

    @Override
    void show(PrintWriter out, long seed) {
        byte[] json = embeddedCase();
        Path source = Path.of("mn_neuron.json");
        NsatConfig config = NsatCaseFiles.readConfig(source, json);
        Map<String, Object> expected = NsatCaseFiles.readOutput(source, json);
        Map<?, ?> nsat = new ObjectMapper().convertValue(NsatCaseFiles.outputOf(config, NsatRun.run(config)), Map.class);
        List<?> want = (List<?>) expected.get("x");
        List<?> got = (List<?>) nsat.get("x");
        int same = 0;
        for (int t = 0; t < want.size(); t++) {
            same += want.get(t).equals(got.get(t)) ? 1 : 0;
        }
        out.printf("   NSAT's Mihalas-Niebur test (4 states, %d ticks) under NSAT semantics: %d of %d ticks identical "
                + "to the NSAT C simulator's trace; spikes %s (NSAT: %s)%n", want.size(), same, want.size(),
                nsat.get("spikes"), expected.get("spikes"));
        Network engineRules = NsatRun.network(config).withSemantics(CoreSemantics.SPIKECORE);
        try (Simulation sim = new Simulation(engineRules, 0, 1, false)) {
            SpikeRecorder r = sim.recordSpikes("n0");
            sim.run(want.size() - 1);
            out.printf("   the same neuron under the engine's own rules (floor shifts, clamp before the test): %d spikes%n",
                    r.size());
        }
        out.printf("   refractory example (bias 100, threshold 500, reset -500, 3 ticks): spikecore %s, nsat %s%n",
                Arrays.toString(refractory(CoreSemantics.SPIKECORE)), Arrays.toString(refractory(CoreSemantics.NSAT)));
        NeuronModel integrator = new NeuronModel("noisy", List.of(StateSpec.of("v", Format.INT32)
                .withNoise(new Noise.Uniform(4))), List.of(), Threshold.fixed(Integer.MAX_VALUE - 1), 0);
        int neurons = 50;
        try (Simulation sim = new Simulation(new Network(List.of(new Population("v", neurons, integrator)), List.of()),
                seed, 1, false)) {
            sim.run(20_000);
            double mean = 0;
            for (int i = 0; i < neurons; i++) {
                mean += sim.state("v", i, 0) / (double) neurons;
            }
            out.printf("   4-bit uniform noise, no leak, 20,000 ticks: mean of %d integrators %.0f (sd of one ~656; "
                    + "the biased noise of before drifted to -10,000)%n", neurons, mean);
        }
    }

    private static int[] refractory(CoreSemantics rules) {
        StateSpec v = StateSpec.of("v", Format.INT16).withBias(100).withReset(Reset.add(-500));
        NeuronModel m = new NeuronModel("ref", List.of(v), List.of(), Threshold.fixed(500), 3);
        try (Simulation sim = new Simulation(new Network(List.of(new Population("n", 1, m)), List.of())
                .withSemantics(rules), 1, 1, false)) {
            SpikeRecorder r = sim.recordSpikes("n");
            sim.run(22);
            return r.ticks();
        }
    }

    private static byte[] embeddedCase() {
        try (InputStream in = NsatDemo.class.getResourceAsStream(CASE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + CASE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
