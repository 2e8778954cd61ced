package org.spikecore.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @TempDir
    Path dir;

    @Test
    void resultsStartWithTheRunRecordAndReadBack() {
        RunRecord record = RunRecord.now(List.of("spikecore", "run", "x"), Map.of("epochs", 3), 7);
        Path file = dir.resolve("sub/results.json");
        ResultsJson.write(file, record, Map.of("f1", 0.93));
        Map<String, Object> back = ResultsJson.read(file);
        assertThat(back.keySet()).first().isEqualTo("run");
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) back.get("run");
        assertThat(run).containsEntry("seed", 7).containsEntry("command", List.of("spikecore", "run", "x"))
                .containsKeys("spikecore", "java", "git_commit", "started_at");
        assertThat(run.get("config")).isEqualTo(Map.of("epochs", 3));
        assertThat(back).containsEntry("f1", 0.93);
        assertThat(ResultsJson.toCompactJson(Map.of("t_sim", 1.5))).isEqualTo("{\"t_sim\":1.5}");
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("out.txt").hasMessageContaining("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("out.txt");
        }
    }

    @Test
    void gitCommitIsAHashInsideACheckoutAndNullOutside() {
        String inside = RunRecord.gitCommit(Path.of(""));
        if (inside != null) {
            assertThat(inside).matches("[0-9a-f]{40}");
        }
        assertThat(RunRecord.gitCommit(dir)).isNull();
    }
}
