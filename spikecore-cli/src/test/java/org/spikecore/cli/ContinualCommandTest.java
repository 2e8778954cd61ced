package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContinualCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDemoSectionPrintsTheMeanAccuracyOfEachStageForBothRules() {
        CommandLineTest.Outcome o = CommandLineTest.run("demo", "--only", "continual", "--out", "target/demo-continual");
        assertThat(o.code()).as(o.err()).isZero();
        for (String rule : new String[] {"STDP", "ASP"}) {
            Matcher m = Pattern.compile(rule + " +([0-9.]+) % +([0-9.]+) % +([0-9.]+) %").matcher(o.out());
            assertThat(m.find()).as(o.out()).isTrue();
            // one class seen: every test image gets it
            assertThat(Double.parseDouble(m.group(1))).isEqualTo(100.0);
            assertThat(Double.parseDouble(m.group(3))).isBetween(0.0, 100.0);
        }
    }

    /** A data set in the npm package's layout: 3 images of each digit d, row d lit, 784 intensities each. */
    private Path tinyDigits() throws java.io.IOException {
        Path data = Files.createDirectories(dir.resolve("digits"));
        for (int d = 0; d < 10; d++) {
            StringBuilder json = new StringBuilder("{\"data\": [");
            for (int image = 0; image < 3; image++) {
                for (int p = 0; p < 784; p++) {
                    json.append(image + p == 0 ? "" : ",").append(p / 28 == 2 * d || p % 28 == image ? "1" : "0");
                }
            }
            Files.writeString(data.resolve(d + ".json"), json.append("]}").toString());
        }
        return data;
    }

    @Test
    void withValidationImagesTheStagesAreScoredOnThemAndResultsJsonSaysSo() throws java.io.IOException {
        Path data = tinyDigits();
        Path out = dir.resolve("validated");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "continual", "--rule", "asp", "--neurons", "4", "--train-per-class", "1",
                "--label-per-class", "1", "--validation-per-class", "1", "--test-per-class", "1", "--present", "30", "--rest", "5",
                "--data", data.toString(), "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("1 validation images per class").contains("continual asp (validation)");
        String results = Files.readString(out.resolve("results.json"));
        assertThat(results).containsPattern("\"validation_per_class\" ?: ?1").containsPattern("\"scored_on\" ?: ?\"validation\"");
        // 1 training, 2 validation and 1 test image need 4 of each class: refused
        CommandLineTest.Outcome tooMany = CommandLineTest.run("run", "continual", "--validation-per-class", "2", "--train-per-class", "1",
                "--label-per-class", "1", "--test-per-class", "1", "--data", data.toString(), "--out", dir.resolve("refused").toString());
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--validation-per-class 2").contains("the 3 images of the smallest class");
    }

    @Test
    void badOptionsAndAMissingDataDirectoryExitTwoAndWriteNothing() {
        Path out = dir.resolve("out");
        CommandLineTest.Outcome rule = CommandLineTest.run("run", "continual", "--rule", "hebb", "--out", out.toString());
        assertThat(rule.code()).isEqualTo(2);
        assertThat(rule.err()).contains("--rule takes stdp, asp or stdp,asp");
        CommandLineTest.Outcome data = CommandLineTest.run("run", "continual", "--out", out.toString(), "--data",
                dir.resolve("none").toString());
        assertThat(data.code()).isEqualTo(2);
        assertThat(data.err()).contains("does not exist");
        assertThat(out).doesNotExist();
    }
}
