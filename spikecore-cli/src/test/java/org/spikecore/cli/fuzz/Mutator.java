package org.spikecore.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.spikecore.fixed.CounterRng;

/**
 * Seeded mutations of valid files: bit flips, bytes and 32-bit integers overwritten with boundary
 * values, truncation, deletion and duplication of chunks, and splices of two corpus files. Case
 * {@code k} of seed {@code s} is always the same bytes, so a failure is reproduced by its number.
 */
final class Mutator {

    private static final byte[] BYTES = {0, -1, 0x7f, (byte) 0x80, '0', '9', '-', '.', 'e', '"', ',', '{', '}', '[', ']', '=', '\n',
        ':', 'n'};
    private static final int[] INTS = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7ffffff0, 65536, 255, 784};

    private final long seed;
    private final List<byte[]> corpus;

    Mutator(long seed, List<byte[]> corpus) {
        this.seed = seed;
        this.corpus = corpus;
    }

    private long draw(long kase, long index) {
        return CounterRng.bits(seed, 15, kase, index);
    }

    private int below(long kase, long index, int bound) {
        return bound <= 0 ? 0 : CounterRng.belowBound(draw(kase, index), bound);
    }

    /** The bytes of case {@code kase}: one to four mutations of a corpus file. */
    byte[] mutate(long kase) {
        byte[] b = corpus.get(below(kase, 0, corpus.size())).clone();
        int mutations = 1 + below(kase, 1, 4);
        for (int m = 0; m < mutations; m++) {
            b = mutateOnce(b, kase, 10 + 10L * m);
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b, long kase, long at) {
        int n = b.length;
        int pos = below(kase, at + 1, n);
        switch (below(kase, at, 8)) {
            case 0 -> { // flip a bit
                if (n > 0) {
                    b[pos] ^= (byte) (1 << below(kase, at + 2, 8));
                }
            }
            case 1 -> { // a boundary byte
                if (n > 0) {
                    b[pos] = BYTES[below(kase, at + 2, BYTES.length)];
                }
            }
            case 2 -> { // a boundary int, big-endian (the binary formats' counts and sizes)
                int v = INTS[below(kase, at + 2, INTS.length)];
                for (int i = 0; i < 4 && pos + i < n; i++) {
                    b[pos + i] = (byte) (v >>> (24 - 8 * i));
                }
            }
            case 3 -> b = java.util.Arrays.copyOf(b, pos); // truncate
            case 4 -> { // delete a chunk
                int len = Math.min(n - pos, 1 + below(kase, at + 2, 64));
                byte[] c = new byte[n - len];
                System.arraycopy(b, 0, c, 0, pos);
                System.arraycopy(b, pos + len, c, pos, n - pos - len);
                b = c;
            }
            case 5 -> { // duplicate a chunk in place
                int len = Math.min(n - pos, 1 + below(kase, at + 2, 64));
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(b, 0, pos + len);
                o.write(b, pos, len);
                o.write(b, pos + len, n - pos - len);
                b = o.toByteArray();
            }
            case 6 -> { // splice: this file's head, another's tail
                byte[] other = corpus.get(below(kase, at + 2, corpus.size()));
                int from = below(kase, at + 3, other.length);
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(b, 0, pos);
                o.write(other, from, other.length - from);
                b = o.toByteArray();
            }
            case 7 -> { // a random byte
                if (n > 0) {
                    b[pos] = (byte) draw(kase, at + 2);
                }
            }
            default -> throw new IllegalStateException();
        }
        return b;
    }
}
