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

/** {@code spikecore run erbp} on the small synthetic set of {@link ImageClassificationCommandTest}, and the learning demo. */
class ErbpCommandTest {

    @TempDir
    Path dir;

    private Path data() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        ImageClassificationCommandTest.write(data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte"), 400, 0);
        ImageClassificationCommandTest.write(data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte"), 100, 3);
        return data;
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesBothErrorsTheSynOpsAndTheEnergy() throws IOException {
        Path out = dir.resolve("out");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "erbp", "--dataset", "fashion-mnist", "--data", data().toString(),
                "--out", out.toString(), "--hidden", "24", "--ticks", "40", "--train-samples", "200", "--test-samples", "50",
                "--baseline-epochs", "1", "--hidden-shift", "9", "--output-shift", "8");
        assertThat(o.code()).as(o.err()).isZero();
        Map<String, Object> r = new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
        Map<String, Object> erbp = (Map<String, Object>) r.get("erbp");
        Map<String, Object> baseline = (Map<String, Object>) r.get("baseline");
        assertThat(((Number) erbp.get("test_error")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(((Number) erbp.get("training_weight_changes")).longValue()).isPositive();
        assertThat(((Number) baseline.get("test_error")).doubleValue()).isBetween(0.0, 1.0);
        double synops = ((Number) erbp.get("synops_per_classification")).doubleValue();
        assertThat(((Number) erbp.get("synops_per_classification_to_first_spike")).doubleValue()).isPositive().isLessThan(synops);
        assertThat(((Number) erbp.get("energy_per_classification_uJ_at_20pJ_per_synop")).doubleValue())
                .isCloseTo(synops * 20e-6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) erbp.get("energy_per_classification_uJ")).doubleValue()).isPositive();
        assertThat(((Number) baseline.get("training_macs_per_sample")).longValue()).isEqualTo(2L * (36 * 24 + 24 * 10));
        assertThat(out.resolve("test_error.png")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConvNetworkOnAValidationSplitReportsItsLearningEnergy() throws IOException {
        Path out = dir.resolve("conv");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "erbp", "--dataset", "fashion-mnist", "--data", data().toString(),
                "--out", out.toString(), "--arch", "conv", "--conv-channels", "2", "--ticks", "40", "--train-samples", "100",
                "--validation-samples", "50", "--synapse-probability", "0.6");
        assertThat(o.code()).as(o.err()).isZero();
        Map<String, Object> r = new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
        Map<String, Object> erbp = (Map<String, Object>) r.get("erbp");
        assertThat(r).containsEntry("validation_samples", 50).doesNotContainKey("baseline").doesNotContainKey("test_samples");
        assertThat(erbp).containsEntry("architecture", "conv").containsEntry("hidden_shift", 14).containsKey("validation_error");
        assertThat(erbp.get("layers")).isEqualTo(List.of(36, 10)); // no dense hidden layer; the conv layer is reported apart
        long reads = ((Number) erbp.get("training_learning_word_reads")).longValue();
        assertThat(reads).isPositive();
        assertThat(((Number) erbp.get("training_learning_word_writes")).longValue()).isPositive();
        double learning = ((Number) erbp.get("training_learning_memory_energy_uJ_per_sample")).doubleValue();
        assertThat(learning).isPositive().isLessThan(((Number) erbp.get("training_memory_energy_uJ_per_sample")).doubleValue());
        assertThat(out.resolve("validation_error.png")).exists();
        CommandLineTest.Outcome bad = CommandLineTest.run("run", "erbp", "--dataset", "fashion-mnist", "--data", data().toString(),
                "--out", dir.resolve("z").toString(), "--arch", "conv", "--baseline-epochs", "2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--arch conv has no float baseline");
        assertThat(dir.resolve("z")).doesNotExist();
    }

    @Test
    void aBadHiddenListOrDatasetExitsWithTwoAndWritesNothing() throws IOException {
        CommandLineTest.Outcome bad = CommandLineTest.run("run", "erbp", "--dataset", "fashion-mnist", "--data", data().toString(),
                "--out", dir.resolve("x").toString(), "--hidden", "100,,3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--hidden takes positive layer sizes");
        assertThat(dir.resolve("x")).doesNotExist();
        CommandLineTest.Outcome set = CommandLineTest.run("run", "erbp", "--dataset", "cifar", "--out", dir.resolve("y").toString());
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("--dataset takes mnist or fashion-mnist, got 'cifar'");
    }

    @Test
    void theDemoLearnsOnTheChip() {
        CommandLineTest.Outcome o = CommandLineTest.run("demo", "--only", "on-chip", "--out", "target/demo-on-chip");
        assertThat(o.code()).as(o.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("test accuracy ([0-9.]+) % before, ([0-9.]+) % after").matcher(o.out());
        assertThat(m.find()).as(o.out()).isTrue();
        assertThat(Double.parseDouble(m.group(2))).isGreaterThan(Double.parseDouble(m.group(1)) + 30);
    }
}
