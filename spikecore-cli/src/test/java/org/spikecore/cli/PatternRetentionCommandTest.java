package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternRetentionCommandTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private Map<String, Object> results(Path out) throws Exception {
        return new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
    }

    @Test
    void aResumedRunEndsWhereAStraightRunEnds() throws Exception {
        Path ckpt = dir.resolve("ckpt.bin");
        CommandLineTest.Outcome straight = CommandLineTest.run("run", "pattern-retention", "--out", dir.resolve("a").toString(),
                "--epochs", "4", "--weight-bits", "6", "--state-bits", "10", "--error-bits", "8", "--grad-bits", "8");
        assertThat(straight.code()).as(straight.err()).isZero();
        CommandLineTest.Outcome part = CommandLineTest.run("run", "pattern-retention", "--out", dir.resolve("b").toString(),
                "--epochs", "2", "--weight-bits", "6", "--state-bits", "10", "--error-bits", "8", "--grad-bits", "8",
                "--checkpoint", ckpt.toString(), "--checkpoint-every", "1");
        assertThat(part.code()).isZero();
        assertThat(ckpt).isNotEmptyFile();
        CommandLineTest.Outcome rest = CommandLineTest.run("run", "pattern-retention", "--out", dir.resolve("c").toString(),
                "--epochs", "4", "--weight-bits", "6", "--state-bits", "10", "--error-bits", "8", "--grad-bits", "8",
                "--checkpoint", ckpt.toString(), "--resume", "true");
        assertThat(rest.code()).isZero();
        assertThat(rest.out()).contains("resumed from").contains("at epoch 2");
        Map<String, Object> a = results(dir.resolve("a"));
        Map<String, Object> c = results(dir.resolve("c"));
        assertThat(c.get("vr_distance")).isEqualTo(a.get("vr_distance"));
        assertThat(c.get("f1")).isEqualTo(a.get("f1"));
        assertThat(c.get("zero_weight_fraction")).isEqualTo(a.get("zero_weight_fraction"));
        assertThat(a).containsKeys("curve", "precision", "config");
        assertThat((List<?>) a.get("curve")).hasSize(4);
        assertThat(dir.resolve("a").resolve("raster.png")).isNotEmptyFile();
    }

    @Test
    void badOptionsAreNamedAndWriteNothing() {
        Path out = dir.resolve("x");
        assertThat(CommandLineTest.run("run", "pattern-retention", "--out", out.toString(), "--weight-bits", "1").err())
                .contains("weight bits must be 2..16");
        assertThat(CommandLineTest.run("run", "pattern-retention", "--out", out.toString(), "--epochs", "many").err())
                .contains("--epochs must be a whole number");
        assertThat(CommandLineTest.run("run", "pattern-retention", "--out", out.toString(), "--resume", "true").err())
                .contains("need --checkpoint FILE");
        assertThat(CommandLineTest.run("run", "pattern-retention", "--out", out.toString(), "--bogus", "1").err())
                .contains("has no option --bogus");
        assertThat(out).doesNotExist();
    }
}
