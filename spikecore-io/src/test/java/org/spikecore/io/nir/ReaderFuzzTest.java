package org.spikecore.io.nir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;
import org.spikecore.fixed.CounterRng;
import org.spikecore.io.npy.Npy;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;

/**
 * Seeded mutations of valid NPY and NIR files (bytes overwritten, truncations, splices of two files,
 * inserted runs): the readers either read the result or throw {@link SpikecoreException}, never
 * anything else.
 */
class ReaderFuzzTest {

    static final long SEED = 20261202;
    static final int NPY_CASES = 1200;
    static final int NIR_CASES = 800;

    @TempDir
    Path dir;

    static int draw(int stream, int step, int index, int bound) {
        return (int) (CounterRng.uniform(SEED, stream, step, index) * bound);
    }

    /** Mutation {@code c} of {@code a} (spliced with {@code b} for one kind). */
    static byte[] mutate(byte[] a, byte[] b, int c) {
        int kind = draw(1, c, 0, 4);
        switch (kind) {
            case 0 -> { // overwrite 1-8 bytes, mostly in the first 2 KB where headers and structure live
                byte[] m = a.clone();
                int n = 1 + draw(1, c, 1, 8);
                for (int k = 0; k < n; k++) {
                    int at = draw(1, c, 2 + k, Math.min(m.length, draw(1, c, 20, 2) == 0 ? 2048 : m.length));
                    m[at] = (byte) draw(1, c, 30 + k, 256);
                }
                return m;
            }
            case 1 -> {
                return Arrays.copyOf(a, draw(1, c, 1, a.length));
            }
            case 2 -> {
                int cut = draw(1, c, 1, Math.min(a.length, b.length));
                byte[] m = Arrays.copyOf(a, b.length);
                System.arraycopy(b, cut, m, cut, b.length - cut);
                return m;
            }
            default -> {
                int at = draw(1, c, 1, a.length);
                int n = 1 + draw(1, c, 2, 64);
                byte[] m = new byte[a.length + n];
                System.arraycopy(a, 0, m, 0, at);
                for (int k = 0; k < n; k++) {
                    m[at + k] = (byte) draw(1, c, 3 + k, 256);
                }
                System.arraycopy(a, at, m, at + n, a.length - at);
                return m;
            }
        }
    }

    @Test
    void mutatedNpyFilesReadOrFailWithTheProjectsException() {
        List<byte[]> valid = List.of(
                Npy.bytes(new NpyArray(NpyType.FLOAT32, new int[] {3, 4}, new double[12]), ByteOrder.LITTLE_ENDIAN, false),
                Npy.bytes(new NpyArray(NpyType.INT16, new int[] {2, 3}, new double[] {1, -2, 3, 4, 5, 6}), ByteOrder.BIG_ENDIAN, true),
                Npy.bytes(new NpyArray(NpyType.BOOL, new int[] {5}, new double[] {1, 0, 1, 1, 0}), ByteOrder.LITTLE_ENDIAN, false),
                Npy.bytes(new NpyArray(NpyType.FLOAT64, new int[0], new double[] {2.5}), ByteOrder.LITTLE_ENDIAN, false));
        int read = 0;
        int refused = 0;
        for (int c = 0; c < NPY_CASES; c++) {
            byte[] m = mutate(valid.get(c % valid.size()), valid.get((c + 1) % valid.size()), c);
            try {
                Npy.parse(m, "case" + c + ".npy");
                read++;
            } catch (SpikecoreException e) {
                assertThat(e.getMessage()).startsWith("file case" + c + ".npy: ");
                refused++;
            }
        }
        System.out.printf("npy fuzz: %d mutated files, %d read, %d refused with SpikecoreException%n", NPY_CASES, read, refused);
        assertThat(refused).isGreaterThan(NPY_CASES / 2);
    }

    @Test
    void mutatedNirFilesReadOrFailWithTheProjectsException() throws Exception {
        Path one = dir.resolve("one.nir");
        Path two = dir.resolve("two.nir");
        NirWriter.write(one, NirReaderTest.everyNodeType());
        Files.copy(NirFixtureTest.DIR.resolve("public_fc_lif.nir"), two);
        byte[][] valid = {Files.readAllBytes(one), Files.readAllBytes(two)};
        int read = 0;
        int refused = 0;
        for (int c = 0; c < NIR_CASES; c++) {
            byte[] m = mutate(valid[c % 2], valid[(c + 1) % 2], c);
            try {
                NirFile f = NirReader.read(m, "case" + c + ".nir");
                NirSimulation.compile(f.graph(), 1e-3, NirConvention.EULER);
                read++;
            } catch (SpikecoreException e) {
                refused++;
            }
        }
        System.out.printf("nir fuzz: %d mutated files, %d read and compiled, %d refused with SpikecoreException%n", NIR_CASES, read,
                refused);
        assertThat(refused).isGreaterThan(NIR_CASES / 4);
    }
}
