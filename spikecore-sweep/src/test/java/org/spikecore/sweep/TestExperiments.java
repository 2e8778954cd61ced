package org.spikecore.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Experiments for the sweep's tests: {@code empty} does nothing (the sweep's own overhead);
 * {@code arith} returns sums and products of its options {@code a} and {@code b}, a time and a
 * list (both to be left out of tables), and on request leaves a marker file per computation
 * ({@code markers DIR}), sleeps ({@code sleep-ms}) or throws on its first attempt ({@code fail-once
 * true}, remembered in the markers directory).
 */
enum TestExperiments implements ExperimentCatalog {
    INSTANCE;

    @Override
    public SweepExperiment experiment(String name) {
        return switch (name) {
            case "empty" -> new Empty();
            case "arith" -> new Arith();
            default -> throw new IllegalArgumentException("unknown experiment '" + name + "'; choose one of [empty, arith]");
        };
    }

    static final class Empty implements SweepExperiment {
        @Override
        public String name() {
            return "empty";
        }

        @Override
        public Set<String> options() {
            return Set.of("a", "b");
        }

        @Override
        public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
            return Map.of();
        }
    }

    static final class Arith implements SweepExperiment {
        @Override
        public String name() {
            return "arith";
        }

        @Override
        public Set<String> options() {
            return Set.of("a", "b", "markers", "sleep-ms", "fail-once");
        }

        @Override
        public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
            long a = Long.parseLong(options.getOrDefault("a", "0"));
            long b = Long.parseLong(options.getOrDefault("b", "1"));
            String who = "a" + a + "-b" + b + "-seed" + seed;
            try {
                if (options.containsKey("markers")) {
                    Path markers = Files.createDirectories(Path.of(options.get("markers")));
                    Files.createFile(markers.resolve(who + "." + UUID.randomUUID()));
                    if (Boolean.parseBoolean(options.get("fail-once"))) {
                        try {
                            Files.createFile(markers.resolve("failed-" + who));
                            throw new IllegalStateException("injected failure of " + who);
                        } catch (FileAlreadyExistsException second) {
                            // failed once already: this attempt succeeds
                        }
                    }
                }
                Thread.sleep(Long.parseLong(options.getOrDefault("sleep-ms", "0")));
                Files.writeString(outDir.resolve("note.txt"), who + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            out.println("computed " + who);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sum", a + b);
            r.put("ratio", (double) a / b);
            r.put("seed_used", seed);
            r.put("detail", Map.of("product", a * b));
            r.put("seconds", System.nanoTime() / 1e9);
            r.put("curve", List.of(1, 2, 3));
            return r;
        }
    }
}
