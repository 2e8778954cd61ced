package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
