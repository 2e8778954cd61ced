package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run conversion}, {@code run energy-compare} and {@code run lsm} on small synthetic inputs. */
class ConversionCommandTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void data() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        ImageClassificationCommandTest.write(data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte"), 400, 0);
        ImageClassificationCommandTest.write(data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte"), 100, 3);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> results(Path out) throws IOException {
        return new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void conversionReportsTheAnnTheConvertedNetworkPerStepsTheHybridAndTheEngine() throws IOException {
        Path out = dir.resolve("conv");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "conversion", "--out", out.toString(), "--dataset", "fashion-mnist", "--data",
                data.toString(), "--hidden", "32", "--epochs", "6", "--batch", "16", "--learning-rate", "5e-3", "--steps", "8,32",
                "--hybrid-steps", "8", "--hybrid-samples", "100", "--deploy-steps", "16");
        assertThat(o.code()).as(o.err()).isZero();
        Map<String, Object> r = results(out);
        double ann = (Double) r.get("ann_accuracy");
        assertThat(ann).isGreaterThanOrEqualTo(0.9);
        Map<String, Double> converted = (Map<String, Double>) r.get("converted_accuracy");
        assertThat(converted).containsOnlyKeys("8", "32");
        assertThat(converted.get("32")).isCloseTo(ann, within(0.05));
        assertThat((Map<String, Double>) r.get("hybrid_accuracy")).containsOnlyKeys("8");
        Map<String, Object> deployed = (Map<String, Object>) r.get("deployed");
        assertThat((Double) deployed.get("agreement_with_trainer")).isGreaterThanOrEqualTo(0.95);
        assertThat(out.resolve("accuracy_vs_steps.png")).isNotEmptyFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void energyCompareGivesOperationsAndEfficienciesRelativeToTheAnn() throws IOException {
        Path out = dir.resolve("energy");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "energy-compare", "--out", out.toString(), "--dataset", "fashion-mnist",
                "--data", data.toString(), "--archs", "mlp", "--hidden", "16", "--epochs", "3", "--batch", "16", "--learning-rate", "5e-3",
                "--steps", "16", "--surrogate-steps", "8", "--surrogate-epochs", "1");
        assertThat(o.code()).as(o.err()).isZero();
        List<Map<String, Object>> table = (List<Map<String, Object>>) results(out).get("table");
        assertThat(table).extracting(m -> m.get("model")).containsExactly("surrogate-trained SNN", "converted SNN", "ANN");
        Map<String, Object> ann = table.get(2);
        assertThat((Double) ann.get("operations")).isEqualTo(36.0 * 16 + 16 * 10); // every weight once
        assertThat((Double) ann.get("efficiency_45nm")).isEqualTo(1.0);
        for (Map<String, Object> row : table.subList(0, 2)) {
            double ratio = (Double) row.get("operations_relative_to_ann");
            // 4.6 pJ per MAC against 0.9 pJ per accumulate
            assertThat((Double) row.get("efficiency_45nm")).isCloseTo(4.6 / 0.9 / ratio, within(1e-9));
            assertThat((Double) row.get("efficiency_model")).isPositive();
        }
        assertThat(out.resolve("efficiency.png")).isNotEmptyFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void lsmReportsAccuracyPerReservoirSizeAndTheRawInputReadout() throws IOException {
        Path out = dir.resolve("lsm");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "lsm", "--out", out.toString(), "--sizes", "20,60", "--train-samples", "150",
                "--test-samples", "50", "--classes", "3");
        assertThat(o.code()).as(o.err()).isZero();
        List<Map<String, Object>> settings = (List<Map<String, Object>>) results(out).get("settings");
        assertThat(settings).extracting(m -> m.get("gap")).containsExactly(0, 20);
        assertThat((Map<String, Double>) settings.get(1).get("reservoir_accuracy")).containsOnlyKeys("20", "60");
        assertThat((Double) settings.get(1).get("raw_input_accuracy")).isLessThan(0.55); // chance 1/3: the window holds the distractor
        assertThat(out.resolve("accuracy_vs_size.png")).isNotEmptyFile();
    }

    @Test
    void badOptionsExitWithTwoAndWriteNothing() {
        Path out = dir.resolve("bad");
        CommandLineTest.Outcome a = CommandLineTest.run("run", "conversion", "--out", out.toString(), "--arch", "rnn");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("--arch takes mlp or cnn, got 'rnn'");
        CommandLineTest.Outcome b = CommandLineTest.run("run", "conversion", "--out", out.toString(), "--steps", "32,8");
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("--steps takes ascending whole numbers");
        CommandLineTest.Outcome c = CommandLineTest.run("run", "lsm", "--out", out.toString(), "--window", "50");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("--window 50 is longer than the pattern");
        assertThat(out).doesNotExist();
    }

    @Test
    void theDemoConvertsAndRunsTheReservoir() {
        CommandLineTest.Outcome o = CommandLineTest.run("demo", "--only", "conversion", "--out", "target/demo-conversion");
        assertThat(o.code()).as(o.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) % at T = 32").matcher(o.out());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(75.0);
        java.util.regex.Matcher lsm = java.util.regex.Pattern.compile("reservoir ([0-9.]+) %, raw input ([0-9.]+) %").matcher(o.out());
        assertThat(lsm.find()).isTrue();
        assertThat(Double.parseDouble(lsm.group(1))).isGreaterThan(Double.parseDouble(lsm.group(2)) + 30);
    }
}
