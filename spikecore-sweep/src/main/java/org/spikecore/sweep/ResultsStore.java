package org.spikecore.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.spikecore.SpikecoreException;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.ResultsJson;

/**
 * A sweep's directory: {@code sweep.json} (which experiment and base options it holds),
 * {@code points/<point id>/} (a point's results.json, log and plots) and {@code .staging/} (points
 * being computed). A point is stored exactly when its results.json exists; that file is moved in
 * last and whole, so a point killed half-way is not counted and is computed again. Only file
 * creation, moves within a directory and reads are used, which a shared file system or an object
 * store mounted as one provides.
 */
public final class ResultsStore {

    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    /** The sweep's directory. */
    public Path root() {
        return root;
    }

    /** Where a point's files live. */
    public Path pointDir(Point p) {
        return root.resolve("points").resolve(p.id());
    }

    /** Whether {@code p}'s results are in the store. */
    public boolean isStored(Point p) {
        return Files.isRegularFile(pointDir(p).resolve("results.json"));
    }

    /** {@code p}'s results.json. */
    public Map<String, Object> read(Point p) {
        return ResultsJson.read(pointDir(p).resolve("results.json"));
    }

    /**
     * Makes this directory the store of {@code experiment} with {@code baseOptions} (and seed), or
     * refuses when it already holds another sweep; also clears what killed runs left staging.
     */
    public void claim(String experiment, Map<String, String> baseOptions, long seed) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", experiment);
        manifest.put("options", new java.util.TreeMap<>(baseOptions));
        manifest.put("seed", seed);
        Path file = root.resolve("sweep.json");
        if (Files.exists(file)) {
            Map<String, Object> held = ResultsJson.read(file);
            if (!ResultsJson.toJson(held).equals(ResultsJson.toJson(manifest))) {
                throw new SpikecoreException(root + " holds a sweep of " + ResultsJson.toCompactJson(held) + ", not "
                        + ResultsJson.toCompactJson(manifest) + "; give another --out");
            }
        } else {
            AtomicFiles.writeString(file, ResultsJson.toJson(manifest) + "\n");
        }
        deleteRecursively(root.resolve(".staging"));
    }

    /**
     * Computes {@code p} into a fresh staging directory ({@code producer} writes results.json and
     * whatever else there), then moves the other files into the point's directory and results.json
     * after them. When two attempts finish the same point, the last move wins; their results are
     * the same function of the point.
     */
    public void store(Point p, Function<Path, ?> producer) {
        Path staging;
        try {
            Files.createDirectories(root.resolve(".staging"));
            staging = Files.createTempDirectory(root.resolve(".staging"), p.id() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory in " + root + ": " + e.getMessage(), e);
        }
        try {
            producer.apply(staging);
            Path results = staging.resolve("results.json");
            if (!Files.isRegularFile(results)) {
                throw new IllegalStateException("point " + p.id() + " wrote no results.json");
            }
            Path dir = pointDir(p);
            Files.createDirectories(dir);
            try (var files = Files.list(staging)) {
                for (Path f : files.filter(f -> !f.equals(results)).toList()) {
                    Path target = dir.resolve(f.getFileName());
                    deleteRecursively(target);
                    Files.move(f, target);
                }
            }
            try {
                Files.move(results, dir.resolve("results.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) { // an object store's rename copies one whole object
                Files.move(results, dir.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store point " + p.id() + " in " + root + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
