package org.spikecore.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.spikecore.Spikecore;

/**
 * What made a run: enough to repeat it. Every {@code results.json} carries one under the key
 * {@code "run"}.
 *
 * @param command     the command line as typed, one argument per element
 * @param config      the effective configuration (defaults filled in), in a stable order
 * @param seed        the master seed
 * @param spikecore   spikecore's version
 * @param java        the Java runtime's version
 * @param os          operating system and architecture
 * @param gitCommit   the commit of the working tree, or {@code null} when not in a git checkout
 * @param startedAt   when the run began (UTC, ISO-8601)
 */
public record RunRecord(List<String> command, Map<String, Object> config, long seed, String spikecore,
        String java, String os, String gitCommit, String startedAt) {

    public RunRecord {
        command = List.copyOf(command);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Objects.requireNonNull(spikecore);
        Objects.requireNonNull(java);
        Objects.requireNonNull(os);
        Objects.requireNonNull(startedAt);
    }

    /** A record for a run starting now in the current process. */
    public static RunRecord now(List<String> command, Map<String, Object> config, long seed) {
        return now(command, config, seed, gitCommit(Path.of("")));
    }

    /** A record for a run starting now, of a known commit (a sweep looks it up once for all its points). */
    public static RunRecord now(List<String> command, Map<String, Object> config, long seed, String gitCommit) {
        return new RunRecord(command, config, seed, Spikecore.version(), Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), gitCommit, Instant.now().toString());
    }

    /** The HEAD commit of the git checkout containing {@code dir}, or null. */
    public static String gitCommit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toAbsolutePath().toFile())
                    .redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("[0-9a-f]{40}")) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** This record as an ordered map, ready for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("config", config);
        m.put("seed", seed);
        m.put("spikecore", spikecore);
        m.put("java", java);
        m.put("os", os);
        m.put("git_commit", gitCommit);
        m.put("started_at", startedAt);
        return m;
    }
}
