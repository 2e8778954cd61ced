package org.spikecore.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary pieces of training checkpoints: a tag that says what wrote the file, and float arrays
 * stored bit for bit (raw IEEE bits, big-endian, length first), so a resumed run continues on
 * exactly the bits it stopped with.
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
        }
    }

    /** Reads a tag and fails with {@code what} unless it is {@code expected}. */
    public static void expectTag(DataInputStream in, int expected, String what) throws IOException {
        if (in.readInt() != expected) {
            throw new IOException("not a " + what + " checkpoint");
        }
    }
}
