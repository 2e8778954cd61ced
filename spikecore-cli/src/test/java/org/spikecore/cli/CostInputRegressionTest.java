package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's defects 1–3: {@code cost} files holding JSON null, layer sizes that overflow
 * {@code int}, and {@code steps} that are not whole numbers in int range. Each must exit 2 with one
 * line naming the problem; the fixes belong to the rewrite of {@code CostCommand},
 * {@code EncodingCost} and {@code LayerShape}.
 */
class CostInputRegressionTest {

    @TempDir
    Path dir;

    private static void refused(CommandLineTest.Outcome o, String... fragments) {
        assertThat(o.code()).as(o.err() + o.out()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).as(o.err()).hasSize(1);
        assertThat(o.err()).contains(fragments);
        assertThat(o.out()).isEmpty();
    }

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void defect1JsonNullAsModelOrRatesOrOneOfItsValues() throws IOException {
        refused(CommandLineTest.run("cost", "--model", file("m.json", "null").toString()), "m.json");
        refused(CommandLineTest.run("cost", "--layer", "fc:784x128", "--rates", file("r.json", "null").toString()), "r.json");
        refused(CommandLineTest.run("cost", "--layer", "fc:784x128", "--rates", file("n.json", "{\"input_rate\": null}").toString()),
                "input_rate");
        refused(CommandLineTest.run("cost", "--model", file("l.json", "{\"layers\": [null]}").toString()), "l.json");
    }

    @Test
    void defect2LayerSizesThatOverflowAreRefusedNotPrintedNegative() {
        refused(CommandLineTest.run("cost", "--layer", "fc:2147483647x2147483647", "--encoding", "crossbar", "--bits", "4", "--density",
                "0.5"), "fc layer 2147483647x2147483647 has 4611686014132420609 synapses");
        refused(CommandLineTest.run("cost", "--layer", "conv:65536x65536x65536-65536k3", "--encoding", "conv-func", "--bits", "4",
                "--density", "0.5"), "conv layer 65536x65536x65536-65536k3 is too large");
        // sizes within range are computed in long: no negative memory
        CommandLineTest.Outcome large = CommandLineTest.run("cost", "--layer", "conv:46340x46340x1-1k3", "--encoding", "conv-func",
                "--bits", "4", "--density", "0.5", "--json");
        org.assertj.core.api.Assertions.assertThat(large.code()).as(large.err()).isZero();
        org.assertj.core.api.Assertions.assertThat(large.out()).doesNotContainPattern("\\\"memory[A-Za-z_]*\\\"\\s*:\\s*-");
    }

    @Test
    void defect3StepsMustBeAWholeNumberInRange() throws IOException {
        for (String steps : new String[] {"4294967297", "2.9", "1e30", "-1", "0"}) {
            Path rates = file("s.json", "{\"input_rate\": 0.1, \"error_rate\": 0.1, \"steps\": " + steps + "}");
            refused(CommandLineTest.run("cost", "--layer", "fc:784x128", "--rates", rates.toString()), "steps");
        }
    }
}
