package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SpikecoreMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesSpikecoreAndJava() {
        Outcome o = run("--version");
        assertThat(o.code()).isZero();
        assertThat(o.out()).startsWith("spikecore ").contains("Java 25");
    }

    @Test
    void unknownFlagIsOneLineAndExitCodeTwo() {
        Outcome o = run("--frobnicate");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).hasSize(1);
        assertThat(o.err()).contains("Unknown option: '--frobnicate'");
        Outcome sub = run("demo", "--nope");
        assertThat(sub.code()).isEqualTo(2);
        assertThat(sub.err()).contains("'--nope'").contains("spikecore demo --help");
    }

    @Test
    void everySubcommandHasHelp() {
        List<String> names = List.copyOf(SpikecoreMain.commandLine().getSubcommands().keySet());
        assertThat(names).contains("demo", "bench", "run");
        for (String name : names) {
            if (name.equals("help")) {
                continue;
            }
            Outcome o = run(name, "--help");
            assertThat(o.code()).as(name).isZero();
            assertThat(o.out()).as(name).startsWith("Usage: spikecore " + name);
        }
    }

    @Test
    void runHelpListsEveryExperimentWithItsOptions() {
        Outcome o = run("run", "--help");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("Experiments and their options:")
                .contains("  memory-study: ")
                .contains("  pattern-retention: ").contains("--weight-bits").contains("--checkpoint FILE");
    }

    @Test
    void unknownWorkloadAndExperimentAreBadInput() {
        Outcome bench = run("bench", "no-such-workload");
        assertThat(bench.code()).isEqualTo(2);
        assertThat(bench.err()).contains("unknown workload 'no-such-workload'");
        Outcome exp = run("run", "no-such-experiment", "--out", "target/never-written");
        assertThat(exp.code()).isEqualTo(2);
        assertThat(exp.err()).contains("unknown experiment 'no-such-experiment'");
        assertThat(new java.io.File("target/never-written")).doesNotExist();
        Outcome threads = run("bench", "no-such-workload", "--threads", "zero");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads");
    }

    @Test
    void demoFixedPointSectionPrintsItsNumbers() {
        Outcome o = run("demo", "--only", "fixed-point", "--out", "target/demo-fixed-point");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("32000 + 1000 saturates to 32767")
                .contains("reaches 0 after 31 ticks")
                .contains("results identical: true");
        Outcome none = run("demo", "--only", "no-such-section");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("matches no demo section");
    }

    @Test
    void runOptionsParseKeyValuePairsAndRejectStrays() {
        assertThat(RunCommand.parseOptions(List.of("--epochs", "3", "--bits=4")))
                .containsEntry("epochs", "3").containsEntry("bits", "4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunCommand.parseOptions(List.of("--epochs")))
                .hasMessageContaining("--epochs needs a value");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunCommand.parseOptions(List.of("stray")))
                .hasMessageContaining("'stray'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> RunCommand.parseOptions(List.of("--a", "1", "--a", "2"))).hasMessageContaining("twice");
    }
}
