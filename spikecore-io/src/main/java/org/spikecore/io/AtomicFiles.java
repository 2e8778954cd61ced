package org.spikecore.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.spikecore.SpikecoreException;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the bytes go to a temporary
 * file in the same directory, which is then moved over the destination (atomically where the
 * file system allows). An output directory is produced in a staging directory beside it and
 * replaces it as a whole, so it never mixes a new run's files with an old run's. Temporaries an
 * interrupted process left behind (hidden names derived from the target's) are removed the next
 * time the same target is written.
 */
public final class AtomicFiles {

    /** The file a directory must hold to count as a previous run's output, which a new run may replace. */
    public static final String RUN_MARKER = "results.json";

    /** Produces a file's bytes into a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Temporary files are created owner-only; a finished output gets the usual rw-r--r-- (directories rwxr-xr-x). */
    private static void readableByAll(Path file, String permissions) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
    }

    /**
     * Checks, before any work, that {@code target} can become an output directory: it has a parent
     * (not a file system root), is not a file, and is absent, empty, or a previous run's output
     * (holds {@value #RUN_MARKER}), which the new one replaces. Anything else is a
     * {@link SpikecoreException}; a directory of other files is never replaced. Returns the
     * absolute, normalised path.
     */
    public static Path checkOutputDirectory(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new SpikecoreException("--out " + target + " is a file system root; name a directory to create");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new SpikecoreException("--out " + target + " is a file, not a directory");
        }
        if (Files.isDirectory(abs) && !Files.isRegularFile(abs.resolve(RUN_MARKER))) {
            try (var entries = Files.list(abs)) {
                if (entries.findAny().isPresent()) {
                    throw new SpikecoreException("--out " + target + " holds files but no " + RUN_MARKER
                            + " (not a previous run's output, which would be replaced); name a new or empty directory");
                }
            } catch (IOException e) {
                throw new SpikecoreException("--out " + target + " cannot be listed: " + e.getMessage());
            }
        }
        return abs;
    }

    /**
     * Runs {@code producer} into a fresh staging directory beside {@code target} and, only if it
     * succeeds, puts the staging directory in {@code target}'s place (the previous output, if any,
     * is moved aside and deleted); on failure the staging directory is deleted and {@code target}
     * is untouched. {@code target} must pass {@link #checkOutputDirectory}.
     */
    public static <T> T stageDirectory(Path target, java.util.function.Function<Path, T> producer) {
        Path abs = checkOutputDirectory(target);
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Path staging;
        try {
            Files.createDirectories(parent);
            removeStale(parent, Pattern.compile(Pattern.quote("." + name) + "\\.(staging|old)\\d+"));
            staging = Files.createTempDirectory(parent, "." + name + ".staging");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory beside " + target + ": " + e.getMessage(), e);
        }
        try {
            T result = producer.apply(staging);
            readableByAll(staging, "rwxr-xr-x");
            checkOutputDirectory(target); // the run may have taken long; refuse what appeared meanwhile
            if (Files.exists(abs)) {
                Path old = parent.resolve("." + name + ".old" + Long.toUnsignedString(System.nanoTime()));
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
                Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + target + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Deletes entries of {@code dir} whose whole name matches {@code names} (leftovers of killed runs). */
    private static void removeStale(Path dir, Pattern names) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> names.matcher(p.getFileName().toString()).matches()).toList()) {
                deleteRecursively(p);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover is hidden, and the next write of the same target removes it
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes the temporaries an interrupted {@link #write} of {@code target} left behind. */
    public static void removeStaleTemporaries(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            // ".NAME.partDIGITS.tmp", and ".NAMEDIGITS.tmp" of versions before the ".part"
            removeStale(dir, Pattern.compile(Pattern.quote("." + target.getFileName()) + "(\\.part)?\\d+\\.tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes what {@code writer} produces to {@code target} atomically. */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeStaleTemporaries(target);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".part", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            readableByAll(tmp, "rw-r--r--");
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
