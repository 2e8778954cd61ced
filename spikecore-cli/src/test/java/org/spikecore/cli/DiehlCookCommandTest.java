package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiehlCookCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDemoSectionLearnsDigitsWithoutLabels() {
        CommandLineTest.Outcome o = CommandLineTest.run("demo", "--only", "Diehl", "--out", "target/demo-Diehl");
        assertThat(o.code()).as(o.err()).isZero();
        Matcher m = Pattern.compile("test accuracy ([0-9.]+) %").matcher(o.out());
        assertThat(m.find()).as(o.out()).isTrue();
        // 25 neurons after 300 digits: well above chance (10 %)
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(40);
        // then 1-bit weights by stochastic binary STDP: above chance too
        assertThat(m.find()).as(o.out()).isTrue();
        assertThat(o.out()).contains("1-bit weights by stochastic binary STDP");
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(20);
    }

    @Test
    void aWeightWidthOtherThanOneOrEightExitsTwoAndWritesNothing() {
        Path out = dir.resolve("out");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "diehl-cook", "--weight-bits", "4", "--out", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--weight-bits must be 1").contains("got 4");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingDataDirectoryExitsTwoAndWritesNothing() {
        Path out = dir.resolve("out");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "diehl-cook", "--out", out.toString(), "--data",
                dir.resolve("none").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("does not exist");
        assertThat(out).doesNotExist();
    }
}
