package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.io.ResultsJson;

class SweepCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int sweep(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return SpikecoreMain.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theFrontierPresetTrainsPricesAndPlotsEachPoint() throws Exception {
        Path dir = tmp.resolve("frontier");
        assertThat(sweep("--preset", "memorg-frontier", "--grid", "weight_bits=2|5; seed=0", "--epochs", "2", "--out", dir.toString(),
                "--parallelism", "2")).as(err.toString()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("table.csv"));
        assertThat(csv.get(0)).isEqualTo("weight_bits,seed,precision,epochs,vr_distance,f1,density.hidden,density.output,"
                + "hidden_rate,output_error_rate,training_iteration_uJ.crossbar,training_iteration_uJ.pb-bmp,training_iteration_uJ.pb-csr,energy_model");
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("2,0,").contains(",2,");
        assertThat(dir.resolve("pareto.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Sweep of memorg-frontier\n\nGrid `weight_bits=2|5; seed=0`: 2 points "
                + "(2 computed by this run on local (2 threads), 0 found in the store); shared options {epochs=2}")
                .contains("![vr_distance against training_iteration_uJ](pareto.png)", "| weight_bits | seed | precision |", "| 5 | 0 | W5 S8 E8 G8 |");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<h1>spikecore sweep memorg-frontier</h1>",
                "data:image/png;base64,", "| 5 | 0 | W5 S8 E8 G8 |");
        assertThat(out.toString()).contains("sweep: 2/2 points", "Pareto front (training_iteration_uJ, vr_distance)");
        // a point is the run of the same experiment with the same options and seed
        Path runDir = tmp.resolve("run");
        assertThat(SpikecoreMain.execute(new String[] {"run", "memorg-frontier", "--out", runDir.toString(), "--seed", "0",
            "--weight-bits", "5", "--epochs", "2"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true))).isZero();
        Map<String, Object> single = ResultsJson.read(runDir.resolve("results.json"));
        Map<String, Object> point = ResultsJson.read(dir.resolve("points/seed=0,weight_bits=5/results.json"));
        for (String k : List.of("vr_distance", "f1", "density", "training_iteration_uJ")) {
            assertThat(point.get(k)).as(k).isEqualTo(single.get(k));
        }
        // crossbar energy does not depend on density; the pointer encodings' does
        assertThat(csv.get(1).split(",")[8]).isNotEqualTo(csv.get(2).split(",")[8]);
    }

    @Test
    void badGridsAndKeysExitTwoNamingTheProblem() {
        assertThat(sweep("--experiment", "pattern-retention", "--grid", "weight_bits 2..8", "--out", tmp.resolve("a").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--grid at position 13: expected '=' after key 'weight_bits'");
        assertThat(sweep("--experiment", "pattern-retention", "--grid", "weight_bits=2..8; encoding=crossbar|pb-bmp", "--out",
                tmp.resolve("b").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("grid key 'encoding' is not an option of pattern-retention; keys: anneal, checkpoint,");
        assertThat(sweep("--experiment", "memorg-frontier", "--grid", "weight_bits=x", "--out", tmp.resolve("c").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("point weight_bits=x: --weight-bits must be a whole number, got 'x'");
        assertThat(sweep("--experiment", "memorg-frontier", "--grid", "seed=1", "--out", tmp.resolve("d").toString(), "--engine", "yarn"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--engine takes local or spark, got 'yarn'");
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    @Test
    void aTomlConfigSetsTheOptionsEveryPointShares() throws Exception {
        Path config = tmp.resolve("c.toml");
        Files.writeString(config, "# short\nepochs = 1\n");
        Path dir = tmp.resolve("s");
        assertThat(sweep("--experiment", "memorg-frontier", "--grid", "weight_bits=3", "--config", config.toString(), "--out",
                dir.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("table.csv")).get(1)).startsWith("3,W3 S8 E8 G8,1,");
        Files.writeString(config, "epochs = [1, 2]\n");
        assertThat(sweep("--experiment", "memorg-frontier", "--grid", "weight_bits=3", "--config", config.toString(), "--out",
                tmp.resolve("t").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("key 'epochs' must be a string, number or boolean, not a list");
    }
}
