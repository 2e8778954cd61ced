package org.spikecore.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the bytes go to a temporary
 * file in the same directory, which is then moved over the destination (atomically where the
 * file system allows).
 */
public final class AtomicFiles {

    /** Produces a file's bytes into a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Temporary files are created owner-only; a finished output gets the usual rw-r--r--. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Runs {@code producer} into a fresh staging directory beside {@code target} and, only if it
     * succeeds, moves every file it made into {@code target} (each move atomic); on failure the
     * staging directory is deleted and {@code target} is untouched.
     */
    public static <T> T stageDirectory(Path target, java.util.function.Function<Path, T> producer) {
        Path abs = target.toAbsolutePath();
        Path staging;
        try {
            Files.createDirectories(abs.getParent());
            staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".staging");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory beside " + target + ": " + e.getMessage(), e);
        }
        try {
            T result = producer.apply(staging);
            Files.createDirectories(abs);
            try (var files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.move(f, abs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + target + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover staging directory is hidden and harmless
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes what {@code writer} produces to {@code target} atomically. */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }
}
