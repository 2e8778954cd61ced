package org.spikecore.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary pieces of training checkpoints: a tag that says what wrote the file, counts (epochs,
 * optimizer steps) that must not be negative, and float arrays stored bit for bit (raw IEEE bits,
 * big-endian, length first), so a resumed run continues on exactly the bits it stopped with. A
 * stored NaN or infinity is refused: training never continues from a diverged or corrupted state.
 * (The file around these pieces, with its version and configuration, is
 * {@code org.spikecore.io.CheckpointFile}.)
 */
public final class TrainingState {

    private TrainingState() {
    }

    /** Writes {@code a}'s length and raw bits. */
    public static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float x : a) {
            out.writeInt(Float.floatToRawIntBits(x));
        }
    }

    /** Reads into {@code a} what {@link #writeFloats} wrote; the length must match. */
    public static void readFloats(DataInputStream in, float[] a) throws IOException {
        int n = in.readInt();
        if (n != a.length) {
            throw new IOException("checkpoint holds " + n + " values where this model has " + a.length);
        }
        for (int i = 0; i < n; i++) {
            a[i] = Float.intBitsToFloat(in.readInt());
            if (!Float.isFinite(a[i])) {
                throw new IOException("checkpoint holds " + a[i] + " at value " + i + " of " + n);
            }
        }
    }

    /** Reads a count ({@code what}: "epoch", "optimizer step") and fails when it is negative. */
    public static int readCount(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("checkpoint holds a negative " + what + ", " + n);
        }
        return n;
    }

    /** Reads a tag and fails with {@code what} unless it is {@code expected}. */
    public static void expectTag(DataInputStream in, int expected, String what) throws IOException {
        if (in.readInt() != expected) {
            throw new IOException("not a " + what + " checkpoint");
        }
    }
}
