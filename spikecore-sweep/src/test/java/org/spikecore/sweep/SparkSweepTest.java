package org.spikecore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine in this JVM ({@code local[2,3]}, one context for every test, loopback only). */
class SparkSweepTest {

    private static JavaSparkContext spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkEngine.localConf(2, 3));
        spark.setLogLevel("WARN");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static Sweep.Result sweep(Map<String, String> base, Path out, SweepEngine engine, StringWriter log) {
        return Sweep.run(TestExperiments.INSTANCE, new Sweep.Spec("arith", base, Grid.parse("a=1|2; seed=0|1"), 7, out), engine,
                new PrintWriter(log, true), false);
    }

    @Test
    void aSparkSweepMergesToTheSameBytesAsTheThreadPool() throws Exception {
        StringWriter log = new StringWriter();
        Sweep.Result onSpark = sweep(Map.of(), tmp.resolve("spark"), new SparkEngine(spark), log);
        sweep(Map.of(), tmp.resolve("local"), new LocalEngine(2, 1), new StringWriter());
        assertThat(onSpark.computed()).isEqualTo(4);
        for (String table : new String[] {"table.csv", "table.json"}) {
            assertThat(Files.readAllBytes(tmp.resolve("spark").resolve(table))).isEqualTo(Files.readAllBytes(tmp.resolve("local")
                    .resolve(table)));
        }
        assertThat(log.toString()).contains("to run on spark (local[2,3])");
        assertThat(resultsJsonOf(tmp.resolve("spark/points/a=1,seed=0"))).contains("\"engine\" : \"spark (local[2,3])\"");
    }

    @Test
    void aTaskThatThrowsIsRetriedAndTheSweepCompletes() throws Exception {
        Path markers = tmp.resolve("markers");
        Sweep.Result r = sweep(Map.of("markers", markers.toString(), "fail-once", "true"), tmp.resolve("flaky"), new SparkEngine(spark),
                new StringWriter());
        assertThat(r.table().rows()).hasSize(4);
        assertThat(r.table().column("sum")).containsExactly(2, 2, 3, 3);
        try (var files = Files.list(markers)) {
            // every point failed once and succeeded on its second attempt: two computations each
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith("failed-")).count()).isEqualTo(8);
        }
    }

    @Test
    void badInputInATaskIsReportedAsBadInputNamingThePoint() {
        assertThatThrownBy(() -> Sweep.run(TestExperiments.INSTANCE, new Sweep.Spec("arith", Map.of(), Grid.parse("a=1|x"), 7,
                tmp.resolve("bad")), new SparkEngine(spark), new PrintWriter(new StringWriter()), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point a=x: For input string: \"x\"");
        assertThat(tmp.resolve("bad/points/a=1/results.json")).exists();
    }

    private static String resultsJsonOf(Path point) throws Exception {
        return Files.readString(point.resolve("results.json"));
    }
}
