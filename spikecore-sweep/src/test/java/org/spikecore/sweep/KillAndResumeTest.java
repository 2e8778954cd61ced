package org.spikecore.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's JVM killed with SIGKILL mid-way: the rerun computes each missing point once and ends with the uninterrupted table. */
class KillAndResumeTest {

    @TempDir
    Path tmp;

    @Test
    void aKilledSweepResumesWithExactlyTheMissingPoints() throws Exception {
        Path store = tmp.resolve("store");
        Path markers = tmp.resolve("markers");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                SweepChild.class.getName(), store.toString(), markers.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        List<Point> points = Grid.parse(SweepChild.GRID).points();
        ResultsStore results = new ResultsStore(store);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (points.stream().filter(results::isStored).count() < 3 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(10);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<Point> storedAtKill = points.stream().filter(results::isStored).toList();
        assertThat(storedAtKill.size()).as("killed mid-way").isBetween(3, points.size() - 1);
        Map<String, Long> before = computations(markers);

        Sweep.Result resumed = Sweep.run(TestExperiments.INSTANCE, SweepChild.spec(store, markers), new LocalEngine(2, 1),
                new PrintWriter(new StringWriter()), false);
        Map<String, Long> after = computations(markers);
        assertThat(resumed.computed()).isEqualTo(points.size() - storedAtKill.size());
        for (Point p : points) {
            String who = "a" + p.parameters().get("a") + "-b" + p.parameters().get("b") + "-seed42";
            long since = after.getOrDefault(who, 0L) - before.getOrDefault(who, 0L);
            assertThat(since).as(p.id()).isEqualTo(storedAtKill.contains(p) ? 0 : 1);
        }

        Path fresh = tmp.resolve("fresh");
        Sweep.run(TestExperiments.INSTANCE, SweepChild.spec(fresh, tmp.resolve("fresh-markers")), new LocalEngine(2, 1),
                new PrintWriter(new StringWriter()), false);
        assertThat(Files.readAllBytes(store.resolve("table.csv"))).isEqualTo(Files.readAllBytes(fresh.resolve("table.csv")));
        assertThat(Files.readAllBytes(store.resolve("table.json"))).isEqualTo(Files.readAllBytes(fresh.resolve("table.json")));
    }

    /** Computations per point so far, from the markers each one leaves. */
    private static Map<String, Long> computations(Path markers) throws IOException {
        try (var files = Files.list(markers)) {
            return files.map(f -> f.getFileName().toString()).map(n -> n.substring(0, n.indexOf('.')))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
    }
}
