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
        // a schedule depends on --epochs, so a run continued to a larger --epochs keeps the rate constant
        CommandLineTest.Outcome straight = CommandLineTest.run("run", "pattern-retention", "--out", dir.resolve("a").toString(),
                "--epochs", "4", "--weight-bits", "6", "--state-bits", "10", "--error-bits", "8", "--grad-bits", "8",
                "--anneal", "false");
        assertThat(straight.code()).as(straight.err()).isZero();
        CommandLineTest.Outcome part = CommandLineTest.run("run", "pattern-retention", "--out", dir.resolve("b").toString(),
                "--epochs", "2", "--weight-bits", "6", "--state-bits", "10", "--error-bits", "8", "--grad-bits", "8",
                "--checkpoint", ckpt.toString(), "--checkpoint-every", "1", "--anneal", "false");
        assertThat(part.code()).isZero();
        assertThat(ckpt).isNotEmptyFile();
        CommandLineTest.Outcome rest = CommandLineTest.run("run", "pattern-retention", "--out", dir.resolve("c").toString(),
                "--epochs", "4", "--weight-bits", "6", "--state-bits", "10", "--error-bits", "8", "--grad-bits", "8",
                "--checkpoint", ckpt.toString(), "--resume", "true", "--anneal", "false");
        assertThat(rest.code()).isZero();
        assertThat(rest.out()).contains("resumed from").contains("at epoch 2");
        Map<String, Object> a = results(dir.resolve("a"));
        Map<String, Object> c = results(dir.resolve("c"));
        assertThat(c.get("vr_distance")).isEqualTo(a.get("vr_distance"));
        assertThat(c.get("f1")).isEqualTo(a.get("f1"));
        assertThat(c.get("zero_weight_fraction")).isEqualTo(a.get("zero_weight_fraction"));
        assertThat(a).containsKeys("curve", "precision", "config");
        assertThat(a.get("formats")).isEqualTo(Map.of("weights", "s6.5", "states", "s10.6", "errors", "s8.7", "gradients", "s8.7"));
        assertThat((List<?>) a.get("curve")).hasSize(4);
        assertThat(dir.resolve("a").resolve("raster.png")).isNotEmptyFile();
    }

    private static int checkpointEpoch(Path ckpt) {
        try {
            return CheckpointBytes.epoch(java.nio.file.Files.readAllBytes(ckpt));
        } catch (java.io.IOException e) {
            return -1; // not there yet
        }
    }

    @Test
    void aRunKilledWithSigkillResumesToTheBitsOfAnUninterruptedRun() throws Exception {
        String[] common = {"--epochs", "30", "--weight-bits", "4", "--error-bits", "8", "--grad-bits", "6"};
        Path ckpt = dir.resolve("killed.ckpt");
        List<String> child = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), SpikecoreMain.class.getName(),
                "run", "pattern-retention", "--out", dir.resolve("never").toString(), "--checkpoint", ckpt.toString(),
                "--checkpoint-every", "2"));
        child.addAll(List.of(common));
        Process p = new ProcessBuilder(child).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (checkpointEpoch(ckpt) < 6 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertThat(p.waitFor()).as("the child was killed mid-run, not finished").isEqualTo(128 + 9);
        int at = checkpointEpoch(ckpt);
        assertThat(at).isBetween(6, 28);
        assertThat(dir.resolve("never")).doesNotExist();

        List<String> resume = new java.util.ArrayList<>(List.of("run", "pattern-retention", "--out", dir.resolve("resumed").toString(),
                "--checkpoint", ckpt.toString(), "--resume", "true"));
        resume.addAll(List.of(common));
        CommandLineTest.Outcome rest = CommandLineTest.run(resume.toArray(String[]::new));
        assertThat(rest.code()).as(rest.err()).isZero();
        assertThat(rest.out()).contains("at epoch " + at);
        List<String> straight = new java.util.ArrayList<>(List.of("run", "pattern-retention", "--out", dir.resolve("straight").toString()));
        straight.addAll(List.of(common));
        assertThat(CommandLineTest.run(straight.toArray(String[]::new)).code()).isZero();
        Map<String, Object> a = results(dir.resolve("straight"));
        Map<String, Object> c = results(dir.resolve("resumed"));
        assertThat(c.get("vr_distance")).isEqualTo(a.get("vr_distance"));
        assertThat(c.get("f1")).isEqualTo(a.get("f1"));
        assertThat(c.get("zero_weight_fraction")).isEqualTo(a.get("zero_weight_fraction"));
        List<?> curve = (List<?>) a.get("curve");
        List<?> resumedCurve = (List<?>) c.get("curve");
        assertThat(resumedCurve).isEqualTo(curve.subList(at, curve.size()));
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
        assertThat(CommandLineTest.run("run", "pattern-retention", "--out", out.toString(), "--integer-forward", "true",
                "--state-bits", "8").err()).contains("takes no --state-bits");
        assertThat(CommandLineTest.run("run", "pattern-retention", "--out", out.toString(), "--seeds", "3").err())
                .contains("--seeds applies to --sweep");
        assertThat(out).doesNotExist();
    }
}
