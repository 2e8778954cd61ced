package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikecore run fashion-mnist --data DIR} on a small synthetic data set in Fashion-MNIST's file layout. */
class ImageClassificationCommandTest {

    @TempDir
    Path dir;

    private Path data;

    private static final int SIDE = 6;

    /** Image of class c: pixels 3c..3c+2 bright, the others dim noise that depends on the image index. */
    static void write(Path images, Path labels, int n, int offset) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(SIDE);
            out.writeInt(SIDE);
            for (int i = 0; i < n; i++) {
                int c = (i * 7 + offset) % 10;
                for (int k = 0; k < SIDE * SIDE; k++) {
                    out.writeByte(k / 3 == c ? 230 : ((i * 31 + k * 17) % 50));
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte((i * 7 + offset) % 10);
            }
        }
    }

    @BeforeEach
    void data() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        write(data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte"), 400, 0);
        write(data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte"), 100, 3);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> results(Path out) throws IOException {
        return new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
    }

    private CommandLineTest.Outcome run(String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "fashion-mnist", "--out", dir.resolve(out).toString(), "--data",
                data.toString(), "--epochs", "4", "--hidden", "24", "--steps", "8", "--batch", "16", "--learning-rate", "5e-3"));
        args.addAll(List.of(extra));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void learnsSeparableClassesAndReportsAccuracyAndConfusion() throws IOException {
        CommandLineTest.Outcome r = run("float", "--deploy", "true");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> res = results(dir.resolve("float"));
        assertThat((Double) res.get("test_accuracy")).isGreaterThanOrEqualTo(0.9);
        Map<String, Object> deployed = (Map<String, Object>) res.get("deployed");
        assertThat((Double) deployed.get("accuracy")).isGreaterThanOrEqualTo(0.85);
        assertThat((Double) deployed.get("agreement_with_trainer")).isGreaterThanOrEqualTo(0.85);
        assertThat(r.out()).contains("deployed to the bit-accurate engine");
        List<List<Integer>> confusion = (List<List<Integer>>) res.get("confusion");
        assertThat(confusion).hasSize(10);
        assertThat(confusion.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum()).isEqualTo(100);
        int diagonal = 0;
        for (int c = 0; c < 10; c++) {
            diagonal += confusion.get(c).get(c);
        }
        assertThat(diagonal / 100.0).isEqualTo(res.get("test_accuracy"));
        assertThat((List<?>) res.get("batch_loss")).hasSize(4 * 25);
        List<Map<String, Object>> epochs = (List<Map<String, Object>>) res.get("epochs");
        assertThat((Double) epochs.get(3).get("train_loss")).isLessThan((Double) epochs.get(0).get("train_loss"));
        assertThat(res.get("train_samples")).isEqualTo(400);
        Map<String, Object> cost = (Map<String, Object>) res.get("inference");
        double in = (Double) cost.get("input_spikes_per_image");
        double hidden = (Double) cost.get("hidden_spikes_per_image");
        // images hold 3 pixels at 230 and 33 of at most 49 of 255: at most 8 steps x (3 + 33·49/255) spikes
        assertThat(in).isGreaterThan(8 * 3 * 0.5).isLessThan(8 * (3 + 33 * 49 / 255.0));
        assertThat((Double) cost.get("synaptic_ops_per_image")).isCloseTo(in * 24 + hidden * 10, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(cost.get("ann_macs_per_image")).isEqualTo(36 * 24 + 24 * 10);
        assertThat((Double) cost.get("ann_uJ_float32")).isCloseTo((36 * 24 + 24 * 10) * 4.6e-6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dir.resolve("float").resolve("loss.png")).isNotEmptyFile();
        assertThat(r.out()).contains("test accuracy");
    }

    @Test
    void quantizedTrainingGivesTheSameBitsOnOneAndTwoThreads() throws IOException {
        String[] q = {"--weight-bits", "8", "--state-bits", "8", "--error-bits", "8", "--grad-bits", "8", "--train-samples", "160"};
        CommandLineTest.Outcome one = run("one", q);
        List<String> two = new java.util.ArrayList<>(List.of(q));
        two.addAll(List.of("--threads", "2"));
        CommandLineTest.Outcome other = run("two", two.toArray(String[]::new));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(other.code()).as(other.err()).isZero();
        Map<String, Object> a = results(dir.resolve("one"));
        Map<String, Object> b = results(dir.resolve("two"));
        assertThat(a.get("quantization")).isEqualTo("W8 S8 E8 G8");
        assertThat(b.get("batch_loss")).isEqualTo(a.get("batch_loss"));
        assertThat(b.get("confusion")).isEqualTo(a.get("confusion"));
        assertThat(b.get("zero_weights")).isEqualTo(a.get("zero_weights"));
        assertThat((List<?>) a.get("zero_weights")).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunResumedFromItsCheckpointEndsOnTheBitsOfAnUninterruptedOne() throws IOException {
        String[] q = {"--weight-bits", "6", "--state-bits", "8", "--error-bits", "8", "--grad-bits", "8", "--train-samples", "160"};
        Path ckpt = dir.resolve("ckpt.bin");
        CommandLineTest.Outcome straight = run("straight", q);
        assertThat(straight.code()).as(straight.err()).isZero();
        List<String> part = new java.util.ArrayList<>(List.of(q));
        part.addAll(List.of("--checkpoint", ckpt.toString()));
        // the same options but --epochs 2: it stops after epoch 2 (as a killed run would), its checkpoint stays
        List<String> twoEpochs = new java.util.ArrayList<>(part);
        twoEpochs.addAll(List.of("--epochs", "2"));
        CommandLineTest.Outcome first = CommandLineTest.run(withEpochs(twoEpochs, "part"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(ckpt).isNotEmptyFile();
        List<String> resume = new java.util.ArrayList<>(part);
        resume.addAll(List.of("--resume", "true"));
        CommandLineTest.Outcome rest = run("rest", resume.toArray(String[]::new));
        assertThat(rest.code()).as(rest.err()).isZero();
        assertThat(rest.out()).contains("resumed from").contains("after epoch 2");
        Map<String, Object> a = results(dir.resolve("straight"));
        Map<String, Object> c = results(dir.resolve("rest"));
        assertThat(c.get("resumed_after_epoch")).isEqualTo(2);
        assertThat(c.get("test_accuracy")).isEqualTo(a.get("test_accuracy"));
        assertThat(c.get("confusion")).isEqualTo(a.get("confusion"));
        assertThat(c.get("zero_weights")).isEqualTo(a.get("zero_weights"));
        List<Double> all = (List<Double>) a.get("batch_loss");
        assertThat((List<Double>) c.get("batch_loss")).isEqualTo(all.subList(all.size() / 2, all.size())); // epochs 3 and 4
        CommandLineTest.Outcome noFile = run("x", "--resume", "true");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("--resume needs --checkpoint FILE");
    }

    /** The run's base arguments with {@code --epochs} replaced by the value in {@code args} (which ends with it). */
    private String[] withEpochs(List<String> args, String out) {
        List<String> all = new java.util.ArrayList<>(List.of("run", "fashion-mnist", "--out", dir.resolve(out).toString(), "--data",
                data.toString(), "--hidden", "24", "--steps", "8", "--batch", "16", "--learning-rate", "5e-3"));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    @Test
    void missingDataOrTooManySamplesExitWithTwoAndWriteNothing() {
        CommandLineTest.Outcome r = CommandLineTest.run("run", "fashion-mnist", "--out", dir.resolve("x").toString(), "--data",
                dir.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nowhere does not exist").contains("--data DIR");
        assertThat(dir.resolve("x")).doesNotExist();
        CommandLineTest.Outcome many = run("y", "--train-samples", "401");
        assertThat(many.code()).isEqualTo(2);
        assertThat(many.err()).contains("--train-samples 401 is more than the 400 images");
        assertThat(dir.resolve("y")).doesNotExist();
        CommandLineTest.Outcome bad = run("z", "--max-rate", "fast");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--max-rate must be a number, got 'fast'");
    }

    @Test
    void theDemoClassifiesItsEmbeddedDigitsFarAboveChance() {
        CommandLineTest.Outcome o = CommandLineTest.run("demo", "--only", "image");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("800 training / 200 test digits");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("test accuracy ([0-9.]+) %").matcher(o.out());
        int found = 0;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(1))).isGreaterThan(60.0); // float and 8-bit, trainer and engine; chance 10 %
            found++;
        }
        assertThat(found).isEqualTo(4);
        assertThat(o.out()).contains("on the bit-accurate engine");
    }
}
