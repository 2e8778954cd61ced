package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's defects 4–12 and its leftovers, one test each: every bad input exits 2 with one line
 * naming the problem and leaves {@code --out} unwritten. (Defects 1–3 are in {@code CostInputRegressionTest}.)
 */
class BadInputRegressionTest {

    @TempDir
    Path dir;

    private static void refused(CommandLineTest.Outcome o, Path out, String... fragments) {
        assertThat(o.code()).as(o.err() + o.out()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).as(o.err()).hasSize(1);
        assertThat(o.err()).contains(fragments);
        if (out != null) {
            assertThat(out).doesNotExist();
        }
    }

    private static CommandLineTest.Outcome run(String... args) {
        return CommandLineTest.run(args);
    }

    /** IDX images (n claimed in the header, {@code present} actually there) of side x side and their labels. */
    private static void idx(Path images, Path labels, int claimed, int present, int side) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x00000803);
            out.writeInt(claimed);
            out.writeInt(side);
            out.writeInt(side);
            for (int i = 0; i < present * side * side; i++) {
                out.writeByte(i * 37 % 251);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(claimed);
            for (int i = 0; i < present; i++) {
                out.writeByte(i % 10);
            }
        }
    }

    private Path fashion(int train, int test) throws IOException {
        Path data = Files.createDirectories(dir.resolve("fashion-" + train + "-" + test));
        idx(data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"), train, train, 6);
        idx(data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"), test, test, 6);
        return data;
    }

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void defect4JsonParseErrorsAreOneLineWithTheirPlace() throws IOException {
        Path empty = Files.writeString(dir.resolve("e.json"), "");
        refused(run("cost", "--model", empty.toString()), null, "e.json");
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        for (int d = 0; d < 10; d++) {
            Files.writeString(mnist.resolve(d + ".json"), "{\"data\": [0.5, 0.25");
        }
        refused(run("run", "mnist", "--out", out("m"), "--data", mnist.toString()), dir.resolve("m"), "0.json", "line 1");
        Files.writeString(mnist.resolve("0.json"), "\u0000garbage{");
        refused(run("run", "mnist", "--out", out("m"), "--data", mnist.toString()), dir.resolve("m"), "0.json", "cannot be read as JSON");
    }

    @Test
    void defect5AnIdxHeaderClaimingMoreImagesThanTheFileHoldsFailsAtTheFilesEnd() throws IOException {
        Path data = Files.createDirectories(dir.resolve("huge"));
        idx(data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"), Integer.MAX_VALUE, 20, 1);
        idx(data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"), 10, 10, 1);
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", data.toString()), dir.resolve("x"),
                "ends before the number of images its header states");
        idx(data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"), 1, 1, 65536);
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", data.toString()), dir.resolve("x"), "bad dimensions");
    }

    @Test
    void defects6And7EmptyTestOrTrainingSetsAreRefused() throws IOException {
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", fashion(40, 0).toString()), dir.resolve("x"),
                "hold no test images");
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", fashion(0, 10).toString()), dir.resolve("x"),
                "hold no training images");
        Path mnist = Files.createDirectories(dir.resolve("three-per-digit"));
        String image = String.join(",", java.util.Collections.nCopies(784, "0.5"));
        for (int d = 0; d < 10; d++) {
            Files.writeString(mnist.resolve(d + ".json"), "{\"data\": [" + image + "," + image + "," + image + "]}");
        }
        refused(run("run", "mnist", "--out", out("x"), "--data", mnist.toString()), dir.resolve("x"), "hold no test images",
                "the first 900 images of each digit train");
    }

    @Test
    void defect8HugeSizesAreRefusedWithTheMemoryTheyWouldNeed() throws IOException {
        String data = fashion(40, 10).toString();
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", data, "--hidden", "3000000", "--batch", "64"),
                dir.resolve("x"), "would need about", "GiB");
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", data, "--steps", "2000000000"), dir.resolve("x"),
                "would need about");
        refused(run("run", "pattern-retention", "--out", out("x"), "--epochs", "2000000000"), dir.resolve("x"), "would need about",
                "of 2000000000 epochs");
        refused(run("run", "pattern-retention", "--out", out("x"), "--sweep", "true", "--seeds", "2000000000"), dir.resolve("x"),
                "16000000000 sweep runs", "would need about");
        refused(run("bench", "cuba", "--neurons", "800000000"), null, "cuba of 800000000 neurons would need about", "TiB");
        refused(run("bench", "train", "--batch", "2000000000"), null, "train --batch 2000000000 would need about");
        refused(run("bench", "infer", "--batch", "2000000000"), null, "infer --batch 2000000000 would need about");
        refused(run("bench", "cuba", "--threads", "2000000000"), null, "--threads must be 1..1024, got 2000000000");
        refused(run("run", "fashion-mnist", "--out", out("x"), "--data", data, "--threads", "2000000000"), dir.resolve("x"),
                "--threads must be 1..1024, got 2000000000");
    }

    @Test
    void defect9AFileSystemRootIsNoOutputDirectory() {
        refused(run("run", "memory-study", "--out", "/"), null, "--out / is a file system root");
    }

    /** A real pattern-retention checkpoint after one float epoch (seed 42, annealed over --epochs 2). */
    private Path checkpoint() {
        Path ckpt = dir.resolve("pr.ckpt");
        CommandLineTest.Outcome o = run("run", "pattern-retention", "--out", out("first"), "--epochs", "2", "--checkpoint",
                ckpt.toString(), "--checkpoint-every", "1");
        assertThat(o.code()).as(o.err()).isZero();
        return ckpt;
    }

    private CommandLineTest.Outcome resume(Path ckpt, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "pattern-retention", "--out", out("resumed"), "--epochs", "2",
                "--checkpoint", ckpt.toString(), "--resume", "true"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void defects10And11EmptyTruncatedOrNegativeEpochCheckpointsAreRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.ckpt"));
        refused(resume(empty), dir.resolve("resumed"), "is empty");
        Path ckpt = checkpoint();
        byte[] good = Files.readAllBytes(ckpt);
        Path cut = Files.write(dir.resolve("cut.ckpt"), Arrays.copyOf(good, good.length / 2));
        refused(resume(cut), dir.resolve("resumed"), "is truncated");
        for (int epoch : new int[] {-1_000_000, Integer.MIN_VALUE}) {
            byte[] bad = good.clone();
            ByteBuffer.wrap(bad).putInt(CheckpointBytes.epochOffset(bad), epoch);
            Path file = Files.write(dir.resolve("neg.ckpt"), bad);
            refused(resume(file), dir.resolve("resumed"), "negative epoch, " + epoch);
        }
        refused(resume(ckpt), dir.resolve("resumed"), "is at epoch 2, not before --epochs 2: nothing left to train");
    }

    @Test
    void defect12ACheckpointOfAnotherConfigurationIsRefusedNamingTheOption() throws IOException {
        Path ckpt = checkpoint();
        refused(resume(ckpt, "--weight-bits", "4"), dir.resolve("resumed"), "--weight-bits 0 but this run has --weight-bits 4");
        refused(resume(ckpt, "--seed", "7"), dir.resolve("resumed"), "--seed 42 but this run has --seed 7");
        refused(resume(ckpt, "--integer-forward", "true"), dir.resolve("resumed"), "--integer-forward false but this run has --integer-forward true");
        refused(resume(ckpt, "--anneal", "false"), dir.resolve("resumed"), "--anneal true but this run has --anneal false");
        String data = fashion(40, 10).toString();
        Path classifier = dir.resolve("fm.ckpt");
        String[] base = {"run", "fashion-mnist", "--data", data, "--hidden", "8", "--steps", "4", "--batch", "16", "--checkpoint",
                classifier.toString()};
        List<String> first = new ArrayList<>(List.of(base));
        first.addAll(List.of("--out", out("fm"), "--epochs", "1"));
        assertThat(run(first.toArray(String[]::new)).code()).isZero();
        List<String> other = new ArrayList<>(List.of(base));
        other.addAll(List.of("--out", out("fm2"), "--epochs", "2", "--resume", "true", "--seed", "7"));
        refused(run(other.toArray(String[]::new)), dir.resolve("fm2"), "was written with --seed 42 but this run has --seed 7");
        refused(run("run", "pattern-retention", "--out", out("x"), "--epochs", "2", "--checkpoint", classifier.toString(), "--resume",
                "true"), dir.resolve("x"), "was written by fashion-mnist, not by pattern-retention");
    }

    @Test
    void nanWeightsTrailingBytesAndAMissingCheckpointAreRefused() throws IOException {
        Path ckpt = checkpoint();
        byte[] good = Files.readAllBytes(ckpt);
        byte[] nan = good.clone();
        ByteBuffer.wrap(nan).putInt(CheckpointBytes.epochOffset(nan) + 17, Float.floatToRawIntBits(Float.NaN));
        // epoch, the network's tag, its step, the quantized flag, the length, then the first weight
        refused(resume(Files.write(dir.resolve("nan.ckpt"), nan)), dir.resolve("resumed"), "holds NaN at value 0");
        byte[] damaged = good.clone();
        damaged[good.length / 2] ^= 4; // a flipped bit in a weight: still a finite float, caught by the checksum
        refused(resume(Files.write(dir.resolve("damaged.ckpt"), damaged)), dir.resolve("resumed"), "is damaged: its checksum does not match");
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        refused(resume(Files.write(dir.resolve("long.ckpt"), longer)), dir.resolve("resumed"), "has bytes after its end");
        refused(resume(dir.resolve("absent.ckpt")), dir.resolve("resumed"), "does not exist: nothing to resume from");
        Files.write(dir.resolve("old.ckpt"), Arrays.copyOfRange(good, CheckpointBytes.epochOffset(good) - 4, good.length));
        refused(resume(dir.resolve("old.ckpt")), dir.resolve("resumed"), "not a versioned spikecore checkpoint");
    }

    @Test
    void outputsThatCannotTakeTheResultsAreRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "mine");
        Path ckpt = dir.resolve("never.ckpt");
        refused(run("run", "pattern-retention", "--out", file.toString(), "--checkpoint", ckpt.toString()), null,
                "is a file, not a directory");
        assertThat(file).hasContent("mine");
        refused(run("run", "pattern-retention", "--out", out("same"), "--checkpoint", out("same")), dir.resolve("same"),
                "lies in --out");
        refused(run("run", "pattern-retention", "--out", out("inside"), "--checkpoint", dir.resolve("inside/c.bin").toString()),
                dir.resolve("inside"), "lies in --out");
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "keep");
        assertThat(run("run", "memory-study", "--out", foreign.toString()).err()).contains("holds files but no results.json");
        assertThat(foreign.resolve("notes.txt")).hasContent("keep");
        assertThat(foreign.resolve("results.json")).doesNotExist();
        assertThat(ckpt).doesNotExist();
    }

    @Test
    void aPreviousRunsOutputIsReplacedAsAWholeAndLeftoversAreCleaned() throws IOException {
        Path study = dir.resolve("study");
        assertThat(run("run", "memory-study", "--out", study.toString()).code()).isZero();
        Files.writeString(study.resolve("stale.png"), "from an older run");
        Files.createDirectories(dir.resolve(".study.staging123"));
        Files.createDirectories(dir.resolve(".study.old456/x"));
        Path ckpt = dir.resolve("ck.bin");
        Files.writeString(dir.resolve(".ck.bin123.tmp"), "");
        Files.writeString(dir.resolve(".ck.bin.part77.tmp"), "");
        Files.writeString(dir.resolve(".ck.binary1.tmp"), "another file's");
        assertThat(run("run", "memory-study", "--out", study.toString()).code()).isZero();
        assertThat(run("run", "pattern-retention", "--out", out("pr"), "--epochs", "1", "--checkpoint", ckpt.toString()).code()).isZero();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(".ck.binary1.tmp", "ck.bin", "pr", "study");
        }
        assertThat(study.resolve("stale.png")).doesNotExist();
        assertThat(study.resolve("results.json")).isNotEmptyFile();
    }
}
