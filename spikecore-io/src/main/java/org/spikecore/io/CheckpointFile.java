package org.spikecore.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.spikecore.SpikecoreException;
import org.spikecore.train.TrainingRun;

/**
 * A training checkpoint on disk: the magic {@code SPKC}, the format {@link #VERSION}, the kind of
 * trainer that wrote it ({@code "pattern-retention"}), the configuration it was trained with (the
 * options that decide its bits, as sorted {@code name → value} text), then the trainer's own state
 * ({@code writeState}), then the CRC-32 of all that as a long, then nothing. {@link #read} refuses a
 * file that is missing, empty, truncated, damaged (checksum), of another version or kind, followed
 * by extra bytes, or written under another
 * configuration (naming the first option that differs), each as a one-line
 * {@link SpikecoreException}; it allocates nothing the file's contents ask for beyond short
 * strings, so a hostile file cannot exhaust memory.
 * <p>
 * Version history: 1 — the first versioned format, with its checksum (files before it began with the trainer's tag
 * and are refused as "not a versioned spikecore checkpoint").
 */
public final class CheckpointFile {

    /** The first four bytes, "SPKC". */
    public static final int MAGIC = 0x53504b43;

    /** The format this build writes and reads. */
    public static final int VERSION = 1;

    private static final int MAX_OPTIONS = 256;

    /** Writes a trainer's state. */
    @FunctionalInterface
    public interface StateWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads back what the matching {@link StateWriter} wrote. */
    @FunctionalInterface
    public interface StateReader {
        void read(DataInputStream in) throws IOException;
    }

    private CheckpointFile() {
    }

    /**
     * A training run's checkpoints in {@code file} under {@code kind} and {@code config}: each written
     * atomically ({@link #write}), read back whole ({@link #read}).
     */
    public static TrainingRun.Checkpoints store(Path file, String kind, Map<String, String> config) {
        return new TrainingRun.Checkpoints() {
            @Override
            public void write(TrainingRun.StateWriter state) {
                CheckpointFile.write(file, kind, config, state::write);
            }

            @Override
            public void read(TrainingRun.StateReader state) {
                CheckpointFile.read(file, kind, config, state::read);
            }
        };
    }

    /** Writes {@code file} atomically: header, {@code config}, then {@code state}. */
    public static void write(Path file, String kind, Map<String, String> config, StateWriter state) {
        AtomicFiles.write(file, o -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new CheckedOutputStream(o, crc), 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(kind);
            Map<String, String> sorted = new TreeMap<>(config);
            out.writeInt(sorted.size());
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            state.write(out);
            out.flush();
            new DataOutputStream(o).writeLong(crc.getValue());
        });
    }

    /**
     * Reads {@code file} into a trainer through {@code state}, after checking that it is a
     * {@code kind} checkpoint written with exactly {@code config}.
     */
    public static void read(Path file, String kind, Map<String, String> config, StateReader state) {
        if (!Files.isRegularFile(file)) {
            throw new SpikecoreException("checkpoint " + file + " does not exist: nothing to resume from (drop --resume true to start from scratch)");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            read(raw, file.toString(), kind, config, state);
        } catch (IOException e) {
            throw new SpikecoreException("checkpoint " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** As {@link #read(Path, String, Map, StateReader)} from a stream (read to its end, not closed), {@code name} in messages. */
    public static void read(InputStream stream, String name, String kind, Map<String, String> config, StateReader state) {
        CRC32 crc = new CRC32();
        DataInputStream in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(stream, 1 << 16), crc));
        String where = "checkpoint " + name;
        try {
            int magic = in.read();
            if (magic < 0) {
                throw new SpikecoreException(where + " is empty");
            }
            magic = magic << 24 | in.readUnsignedByte() << 16 | in.readUnsignedShort();
            if (magic != MAGIC) {
                throw new SpikecoreException(where + " is not a versioned spikecore checkpoint (it may come from an older version; "
                        + "start again without --resume)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new SpikecoreException(where + " has format version " + version + "; this spikecore reads version " + VERSION);
            }
            String written = in.readUTF();
            if (!written.equals(kind)) {
                throw new SpikecoreException(where + " was written by " + printable(written) + ", not by " + kind);
            }
            int n = in.readInt();
            if (n < 0 || n > MAX_OPTIONS) {
                throw new SpikecoreException(where + " is corrupt: it claims " + n + " options");
            }
            Map<String, String> stored = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                stored.put(key, in.readUTF());
            }
            checkSame(where, stored, config);
            state.read(in);
            long computed = crc.getValue();
            if (in.readLong() != computed) {
                throw new SpikecoreException(where + " is damaged: its checksum does not match its contents");
            }
            if (in.read() >= 0) {
                throw new SpikecoreException(where + " has bytes after its end; it is corrupt or not a checkpoint of this run");
            }
        } catch (EOFException e) {
            throw new SpikecoreException(where + " is truncated: it ends before its state is complete");
        } catch (java.io.UTFDataFormatException e) {
            throw new SpikecoreException(where + " is corrupt: a name in it is not valid text");
        } catch (IOException e) {
            throw new SpikecoreException(where + " is corrupt: " + e.getMessage());
        }
    }

    private static void checkSame(String where, Map<String, String> stored, Map<String, String> config) {
        TreeSet<String> keys = new TreeSet<>(stored.keySet());
        keys.addAll(config.keySet());
        for (String k : keys) {
            String was = stored.get(k);
            String is = config.get(k);
            if (!java.util.Objects.equals(was, is)) {
                throw new SpikecoreException(where + " was written with --" + printable(k) + " " + (was == null ? "(unset)" : printable(was))
                        + " but this run has --" + printable(k) + " " + (is == null ? "(unset)" : is)
                        + "; resume with the options it was written with, or start again without --resume");
            }
        }
    }

    /** A string from the file, shortened and with control characters shown as '?', fit for a one-line message. */
    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return t.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
