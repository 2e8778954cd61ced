package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.io.nir.NirNode;
import org.spikecore.io.nir.NirReader;
import org.spikecore.io.npy.Npy;
import org.spikecore.io.npy.NpyArray;

class NirCommandTest {

    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "nir");

    @TempDir
    Path dir;

    @Test
    void infoListsNodesShapesParametersAndTheImport() {
        CommandLineTest.Outcome o = CommandLineTest.run("nir", "info", FIXTURES.resolve("public_fc_lif.nir").toString(), "--convention",
                "snntorch");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("NIR 1.0.8").contains("input [64] -> output [5]").contains("parameters: 2,430")
                .containsPattern("0 +Affine +\\[64\\] +\\[32\\] +2,080 +Dense 64->32 with bias")
                .contains("imports as a spikecore Sequential of 4 modules");
    }

    @Test
    void simulateWritesTheOutputSpikesAndPrintsTheAgreement() {
        Path out = dir.resolve("out.npy");
        CommandLineTest.Outcome o = CommandLineTest.run("nir", "simulate", FIXTURES.resolve("public_fc_lif.nir").toString(), "--input",
                FIXTURES.resolve("public_fc_lif_input.npy").toString(), "--output", out.toString(), "--convention", "snntorch", "--compare",
                FIXTURES.resolve("public_fc_lif_output.npy").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("agreement with public_fc_lif_output.npy: 100.00% (1600 of 1600 entries)");
        assertThat(Npy.read(out)).isEqualTo(Npy.read(FIXTURES.resolve("public_fc_lif_output.npy")));
    }

    @Test
    void aSimulationWithoutBatchDimensionKeepsItsShape() {
        NpyArray in = Npy.read(FIXTURES.resolve("public_fc_lif_input.npy"));
        double[] first = new double[40 * 64];
        for (int t = 0; t < 40; t++) {
            System.arraycopy(in.values(), t * 8 * 64, first, t * 64, 64);
        }
        Path one = dir.resolve("one.npy");
        Npy.write(one, new NpyArray(in.type(), new int[] {40, 64}, first));
        Path out = dir.resolve("out.npy");
        CommandLineTest.Outcome o = CommandLineTest.run("nir", "simulate", FIXTURES.resolve("public_fc_lif.nir").toString(), "--input",
                one.toString(), "--output", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Npy.read(out).shape()).containsExactly(40, 5);
    }

    @Test
    void costPrintsSynapticOperationsAndEnergyPerLayer() {
        CommandLineTest.Outcome o = CommandLineTest.run("nir", "cost", FIXTURES.resolve("public_fc_lif.nir").toString(), "--input",
                FIXTURES.resolve("public_fc_lif_input.npy").toString(), "--encoding", "crossbar,pb-csr");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("8 samples x 40 steps").containsPattern("0 +Affine +515\\.8 +16,504\\.0 +0\\.2015 +1\\.000  crossbar ")
                .contains("pb-csr").doesNotContain("dual").contains("total: 17,262.1 synaptic operations per sample");
    }

    @Test
    void exportWritesTheClassifierAsAGraphThatReadsBack() {
        Path file = dir.resolve("clf.nir");
        CommandLineTest.Outcome o = CommandLineTest.run("nir", "export", "--output", file.toString(), "--hidden", "16");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("784-16-10 LIF network").contains("--convention snntorch-subtract");
        NirNode.NirGraph g = NirReader.read(file).graph();
        assertThat(g.nodes().get("0")).isInstanceOf(NirNode.Linear.class);
        assertThat(((NirNode.Linear) g.nodes().get("0")).weight().shape()).containsExactly(16, 784);
        assertThat(g.nodes().get("3")).isInstanceOf(NirNode.LIF.class);
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("out.npy");
        Path notNir = dir.resolve("x.nir");
        Files.writeString(notNir, "not hdf5 at all");
        CommandLineTest.Outcome o = CommandLineTest.run("nir", "simulate", notNir.toString(), "--input",
                FIXTURES.resolve("public_fc_lif_input.npy").toString(), "--output", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).hasSize(1);
        assertThat(o.err()).contains("x.nir").contains("not a readable HDF5 file");
        CommandLineTest.Outcome c = CommandLineTest.run("nir", "info", FIXTURES.resolve("public_fc_lif.nir").toString(), "--convention",
                "brian");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("unknown convention 'brian'");
        assertThat(out).doesNotExist();
    }

    @Test
    void theDemoSectionPrintsTheSnnTorchAgreement() {
        CommandLineTest.Outcome o = CommandLineTest.run("demo", "--only", "nir", "--out", "target/demo-nir");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("--convention snntorch 152 output spikes; agreement with snnTorch's own output: 100.00% of 1600 entries");
    }
}
