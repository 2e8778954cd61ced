package org.spikecore.cli;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Where things lie in a checkpoint file, for tests that read or damage one. */
final class CheckpointBytes {

    private CheckpointBytes() {
    }

    /** The offset of the trainer's epoch count: after the versioned header and the trainer's own tag. */
    static int epochOffset(byte[] file) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(file);
        DataInputStream in = new DataInputStream(bytes);
        in.readInt(); // magic
        in.readInt(); // version
        in.readUTF(); // kind
        int n = in.readInt();
        for (int i = 0; i < 2 * n; i++) {
            in.readUTF();
        }
        return file.length - bytes.available() + 4;
    }

    /** The epoch a checkpoint holds. */
    static int epoch(byte[] file) throws IOException {
        return ByteBuffer.wrap(file).getInt(epochOffset(file));
    }
}
