package org.spikecore.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

class SpikeFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSpikeFileDrivesTheEngineAndRecordedSpikesRoundTrip() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "tick,neuron\n# three spikes of neuron 1, one of neuron 0\n2,1\n0,1\n1,1\n\n5,0\n");
        ArraySource src = SpikeFiles.readCsv(in, "in", 2);
        assertThat(src.ticks()).containsExactly(0, 1, 2, 5);
        assertThat(src.neurons()).containsExactly(1, 1, 1, 0);
        // neuron 1's three spikes of weight 100 into a LIF with threshold 250 fire it once
        Network net = new Network(List.of(src, new Population("n", 1, NeuronPresets.lif(8, 250, false))),
                List.of(Projection.of("p", "in", "n", new DenseConnectivity(2, 1, new int[] {0, 100}), Format.INT8, 0)));
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            SpikeRecorder r = sim.recordSpikes("n");
            sim.run(8);
            assertThat(r.ticks()).containsExactly(3);
            Path out = dir.resolve("out.csv");
            SpikeFiles.writeCsv(out, r.ticks(), r.neurons());
            assertThat(SpikeFiles.readCsv(out, "again", 1).ticks()).containsExactly(3);
        }
    }

    @Test
    void badFilesAreNamedWithTheLine() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "0,1\n1;2\n");
        assertThatThrownBy(() -> SpikeFiles.readCsv(f, "s", 4)).hasMessageContaining("bad.csv line 2: expected 'tick,neuron'");
        Files.writeString(f, "0,x\n");
        assertThatThrownBy(() -> SpikeFiles.readCsv(f, "s", 4)).hasMessageContaining("line 1: '0,x' is not two integers");
        Files.writeString(f, "0,9\n");
        assertThatThrownBy(() -> SpikeFiles.readCsv(f, "s", 4)).hasMessageContaining("names neuron 9 of 4");
        assertThatThrownBy(() -> SpikeFiles.readCsv(dir.resolve("missing.csv"), "s", 4)).hasMessageContaining("cannot be read");
    }
}
