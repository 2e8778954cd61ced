package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run NAME --config FILE.toml} and {@code rerun DIR/results.json}. */
class ConfigFileTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> results(Path out) throws IOException {
        return new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
    }

    private Path toml(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConfigFileSetsTheOptionsFlagsOverrideItAndTheRecordHoldsTheMergedConfig() throws IOException {
        Path cfg = toml("run.toml", "# a tiny quantized run\nepochs = 3\nweight-bits = 6\n\"anneal\" = false\nseed = 7\nout = \""
                + dir.resolve("from-file") + "\"\n");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "pattern-retention", "--config", cfg.toString(), "--epochs", "2");
        assertThat(o.code()).as(o.err()).isZero();
        Map<String, Object> r = results(dir.resolve("from-file"));
        assertThat((List<?>) r.get("curve")).hasSize(2); // the flag's 2 epochs, not the file's 3
        assertThat(r.get("precision")).isEqualTo("W6 S0 E0 G0 mse-scale");
        Map<String, Object> run = (Map<String, Object>) r.get("run");
        assertThat(run.get("seed")).isEqualTo(7);
        assertThat((Map<String, Object>) run.get("config")).containsEntry("epochs", "2").containsEntry("weight-bits", "6")
                .containsEntry("anneal", "false").containsEntry("experiment", "pattern-retention")
                .containsEntry("config_file", cfg.toString()).doesNotContainKeys("seed");
    }

    @Test
    void rerunRepeatsARunToTheSameBits() throws IOException {
        Path first = dir.resolve("first");
        Path cfg = toml("run.toml", "epochs = 2\nweight-bits = 5\ngrad-bits = 8\nseed = 11\n");
        assertThat(CommandLineTest.run("run", "pattern-retention", "--config", cfg.toString(), "--out", first.toString()).code()).isZero();
        CommandLineTest.Outcome again = CommandLineTest.run("rerun", first.resolve("results.json").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("rerun: spikecore run pattern-retention --out " + dir.resolve("first-rerun") + " --seed 11");
        Map<String, Object> a = results(first);
        Map<String, Object> b = results(dir.resolve("first-rerun"));
        for (String key : List.of("vr_distance", "f1", "curve", "zero_weight_fraction", "formats", "precision")) {
            assertThat(b.get(key)).as(key).isEqualTo(a.get(key));
        }
        Path other = dir.resolve("other");
        assertThat(CommandLineTest.run("rerun", first.resolve("results.json").toString(), "--out", other.toString()).code()).isZero();
        assertThat(results(other).get("curve")).isEqualTo(a.get("curve"));
    }

    private void refused(String toml, String... fragments) throws IOException {
        Path cfg = toml("bad.toml", toml);
        CommandLineTest.Outcome o = CommandLineTest.run("run", "pattern-retention", "--config", cfg.toString(), "--out",
                dir.resolve("never").toString());
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).hasSize(1);
        assertThat(o.err()).contains(fragments);
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void unknownKeysWrongTypesAndBadSyntaxNameTheKeyTheAllowedValuesAndTheLine() throws IOException {
        refused("epochs = 2\n\nbogus = 1\n", "bad.toml line 3: pattern-retention has no option 'bogus'; options: [anneal, checkpoint,");
        refused("epochs = \"many\"\n", "--epochs must be a whole number, got 'many' (set in " + dir.resolve("bad.toml") + " line 1)");
        refused("epochs = 2\nsweep = 3\n", "--sweep takes true or false, got '3' (set in " + dir.resolve("bad.toml") + " line 2)");
        refused("weight-scale = \"big\"\n", "--weight-scale takes max or mse, got 'big' (set in");
        refused("epochs = [1, 2]\n", "bad.toml line 1: epochs takes one value (a string, number or true/false), not an array");
        refused("[training]\nepochs = 2\n", "bad.toml line 1: pattern-retention has no option 'training'");
        refused("epochs = \n", "bad.toml: ", "at line 1");
        refused("seed = 1.5\n", "seed must be a whole number, got '1.5'");
        refused("# " + "x".repeat(1 << 20) + "\n", "is larger than 1024 KiB");
        refused("epochs = " + "[".repeat(5000) + "]".repeat(5000) + "\n", "bad.toml: Document nesting depth");
        CommandLineTest.Outcome noOut = CommandLineTest.run("run", "pattern-retention", "--epochs", "1");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("name the output directory with --out DIR");
        CommandLineTest.Outcome notResults = CommandLineTest.run("rerun", toml("x.json", "[1]").toString());
        assertThat(notResults.err()).contains("does not hold a JSON object");
    }
}
