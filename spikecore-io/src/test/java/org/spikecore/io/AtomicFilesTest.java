package org.spikecore.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static String write(Path staging, String name, String text) {
        AtomicFiles.writeString(staging.resolve(name), text);
        return text;
    }

    @Test
    void aPreviousRunsOutputIsReplacedAsAWholeAndAFailedRunLeavesItUntouched() throws IOException {
        Path out = dir.resolve("out");
        AtomicFiles.stageDirectory(out, s -> write(s, AtomicFiles.RUN_MARKER, "first") + write(s, "old-plot.png", "x"));
        assertThat(out.resolve("old-plot.png")).exists();
        assertThatThrownBy(() -> AtomicFiles.stageDirectory(out, s -> {
            write(s, AtomicFiles.RUN_MARKER, "failed");
            throw new IllegalStateException("the run failed");
        })).hasMessage("the run failed");
        assertThat(out.resolve(AtomicFiles.RUN_MARKER)).hasContent("first");
        AtomicFiles.stageDirectory(out, s -> write(s, AtomicFiles.RUN_MARKER, "second"));
        assertThat(out.resolve(AtomicFiles.RUN_MARKER)).hasContent("second");
        assertThat(out.resolve("old-plot.png")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("out"); // no staging or old directory
        }
    }

    @Test
    void onlyAbsentEmptyOrPreviousRunDirectoriesCanBeOutputs() throws IOException {
        assertThat(AtomicFiles.checkOutputDirectory(dir.resolve("new"))).isEqualTo(dir.resolve("new").toAbsolutePath());
        assertThat(AtomicFiles.checkOutputDirectory(Files.createDirectories(dir.resolve("empty")))).isNotNull();
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> AtomicFiles.checkOutputDirectory(foreign)).isInstanceOf(SpikecoreException.class)
                .hasMessageContaining("holds files but no results.json");
        assertThatThrownBy(() -> AtomicFiles.checkOutputDirectory(foreign.resolve("notes.txt"))).hasMessageEndingWith("is a file, not a directory");
        assertThatThrownBy(() -> AtomicFiles.checkOutputDirectory(Path.of("/"))).hasMessageContaining("is a file system root");
    }

    @Test
    void staleTemporariesOfTheSameTargetAreRemovedOthersKept() throws IOException {
        Path target = dir.resolve("ck.bin");
        for (String stale : new String[] {".ck.bin.part123.tmp", ".ck.bin9.tmp"}) {
            Files.writeString(dir.resolve(stale), "");
        }
        Files.writeString(dir.resolve(".ck.binary.part1.tmp"), "another target's");
        AtomicFiles.writeString(target, "state");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(".ck.binary.part1.tmp", "ck.bin");
        }
    }
}
