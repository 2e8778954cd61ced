package org.spikecore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;
import org.spikecore.io.ResultsJson;

class LocalSweepTest {

    @TempDir
    Path tmp;

    private final StringWriter log = new StringWriter();

    private Sweep.Result sweep(String grid, Map<String, String> base, Path out, int threads, int attempts) {
        return Sweep.run(TestExperiments.INSTANCE, new Sweep.Spec("arith", base, Grid.parse(grid), 42, out),
                new LocalEngine(threads, attempts), new PrintWriter(log, true), false);
    }

    @Test
    void theTableHasOneRowPerPointInGridOrderWithoutTimesOrLists() throws Exception {
        Path out = tmp.resolve("s");
        Sweep.Result r = sweep("b=2|5; a=1..2; seed=3", Map.of(), out, 2, 1);
        assertThat(r.computed()).isEqualTo(4);
        assertThat(Files.readString(out.resolve("table.csv"))).isEqualTo("""
                b,a,seed,sum,ratio,seed_used,detail.product
                2,1,3,3,0.5,3,2
                2,2,3,4,1.0,3,4
                5,1,3,6,0.2,3,5
                5,2,3,7,0.4,3,10
                """);
        assertThat(Files.readString(out.resolve("table.json"))).startsWith("""
                [ {
                  "b" : 2,
                  "a" : 1,
                  "seed" : 3,
                  "sum" : 3,
                  "ratio" : 0.5,
                  "seed_used" : 3,
                  "detail.product" : 2
                }, {""");
        assertThat(r.table().markdown()).startsWith("| b | a | seed | sum | ratio | seed_used | detail.product |\n|---|---|---|---|---|---|---|\n"
                + "| 2 | 1 | 3 | 3 | 0.5 | 3 | 2 |\n");
        // the point's own record says how to run it alone, and keeps its files
        Path point = out.resolve("points/a=2,b=5,seed=3");
        Map<String, Object> stored = ResultsJson.read(point.resolve("results.json"));
        assertThat(stored.get("run").toString()).contains("command=[spikecore, run, arith, --out, " + point.toAbsolutePath()
                + ", --seed, 3, --b, 5, --a, 2]");
        assertThat(Files.readString(point.resolve("note.txt"))).isEqualTo("a2-b5-seed3\n");
        assertThat(Files.readString(point.resolve("log.txt"))).isEqualTo("computed a2-b5-seed3\n");
        assertThat(log.toString()).contains("sweep: 4 points, 0 stored already, 4 to run on local (2 threads)", "sweep: 4/4 points");
    }

    @Test
    void aStoredPointIsSkippedAndAHalfWrittenOneComputedAgain() throws Exception {
        Path out = tmp.resolve("s");
        sweep("a=1..3; b=1|2", Map.of(), out, 2, 1);
        byte[] table = Files.readAllBytes(out.resolve("table.csv"));
        assertThat(sweep("a=1..3; b=1|2", Map.of(), out, 1, 1).computed()).isZero();
        // a point whose results.json never arrived counts as missing, whatever else it left
        Files.delete(out.resolve("points/a=2,b=1/results.json"));
        Files.createDirectories(out.resolve(".staging/a=3,b=2.123"));
        Sweep.Result again = sweep("a=1..3; b=1|2", Map.of(), out, 2, 1);
        assertThat(again.computed()).isEqualTo(1);
        assertThat(again.stored()).isEqualTo(5);
        assertThat(Files.readAllBytes(out.resolve("table.csv"))).isEqualTo(table);
        assertThat(out.resolve(".staging")).isEmptyDirectory();
        // a larger grid over the same store runs only what it adds
        assertThat(sweep("a=1..4; b=1|2", Map.of(), out, 2, 1).computed()).isEqualTo(2);
    }

    @Test
    void withoutASeedKeyEveryPointRunsWithTheSweepSeed() {
        Sweep.Result r = sweep("a=1|2", Map.of("b", "4"), tmp.resolve("s"), 1, 1);
        assertThat(r.table().column("seed_used")).containsExactly(42, 42);
        assertThat(r.table().column("sum")).containsExactly(5, 6);
    }

    @Test
    void gridAndConfigKeysMustBeTheExperimentsOptions() {
        assertThatThrownBy(() -> sweep("a=1; colour=red", Map.of(), tmp.resolve("s"), 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grid key 'colour' is not an option of arith; keys: a, b, fail_once, markers, seed, sleep_ms");
        assertThatThrownBy(() -> sweep("a=1", Map.of("a", "2"), tmp.resolve("s"), 1, 1)).hasMessageContaining(
                "'a' is set by both the grid and the config");
        assertThatThrownBy(() -> sweep("a=1", Map.of("depth", "2"), tmp.resolve("s"), 1, 1)).hasMessageContaining(
                "config key 'depth' is not an option of arith");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void aStoreHoldsOneSweepsOptions() {
        sweep("a=1", Map.of("b", "2"), tmp.resolve("s"), 1, 1);
        assertThatThrownBy(() -> sweep("a=1", Map.of("b", "3"), tmp.resolve("s"), 1, 1)).isInstanceOf(SpikecoreException.class)
                .hasMessageContaining("holds a sweep of {\"experiment\":\"arith\",\"options\":{\"b\":\"2\"},\"seed\":42}");
    }

    @Test
    void aFailingPointIsTriedAgainUpToTheAttempts() throws Exception {
        Path markers = tmp.resolve("m");
        Map<String, String> base = Map.of("markers", markers.toString(), "fail-once", "true");
        assertThatThrownBy(() -> sweep("a=1|2", base, tmp.resolve("once"), 2, 1)).hasMessageContaining("failed 1 time(s)")
                .hasMessageContaining("injected failure of a");
        Path twice = tmp.resolve("twice");
        Path markers2 = tmp.resolve("m2");
        Sweep.Result r = sweep("a=1|2", Map.of("markers", markers2.toString(), "fail-once", "true"), twice, 2, 2);
        assertThat(r.table().column("sum")).containsExactly(2, 3);
        try (var files = Files.list(markers2)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("a1-b1-seed42.")).count()).isEqualTo(2);
        }
    }
}
