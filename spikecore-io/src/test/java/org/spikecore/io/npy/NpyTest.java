package org.spikecore.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spikecore.SpikecoreException;

class NpyTest {

    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "nir");

    @TempDir
    Path dir;

    /** A file as NumPy lays it out: magic, version, header length, header text, data. */
    static byte[] file(int major, String header, byte[] data) {
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = major == 1 ? 10 : 12;
        ByteBuffer b = ByteBuffer.allocate(prefix + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        return b.put(h).put(data).array();
    }

    @Test
    void readsAVersion1LittleEndianFloat32Matrix() {
        ByteBuffer d = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {1, 2, 3, 4, 5, 6.5f}) {
            d.putFloat(v);
        }
        NpyArray a = Npy.parse(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }   \n", d.array()), "m.npy");
        assertThat(a.type()).isEqualTo(NpyType.FLOAT32);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.values()).containsExactly(1, 2, 3, 4, 5, 6.5);
    }

    @Test
    void readsBigEndianFortranOrderInt16IntoCOrder() {
        // the 2x3 matrix [[1,2,3],[4,5,6]] stored column by column: 1 4 2 5 3 6
        ByteBuffer d = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        for (short v : new short[] {1, 4, 2, 5, 3, -6}) {
            d.putShort(v);
        }
        NpyArray a = Npy.parse(file(2, "{\"descr\": \">i2\", \"fortran_order\": True, \"shape\": (2L, 3L)}\n", d.array()), "f.npy");
        assertThat(a.values()).containsExactly(1, 2, 3, 4, 5, -6);
    }

    @Test
    void readsVersion3BoolsAndScalars() {
        NpyArray bools = Npy.parse(file(3, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }\n", new byte[] {1, 0, 1}), "b.npy");
        assertThat(bools.type()).isEqualTo(NpyType.BOOL);
        assertThat(bools.values()).containsExactly(1, 0, 1);
        byte[] eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-7).array();
        NpyArray scalar = Npy.parse(file(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (), }\n", eight), "s.npy");
        assertThat(scalar.rank()).isZero();
        assertThat(scalar.values()).containsExactly(-7);
    }

    @Test
    void readsTheSnnTorchFixtureArrays() {
        NpyArray in = Npy.read(FIXTURES.resolve("public_fc_lif_input.npy"));
        NpyArray out = Npy.read(FIXTURES.resolve("public_fc_lif_output.npy"));
        assertThat(in.shape()).containsExactly(40, 8, 64);
        assertThat(out.shape()).containsExactly(40, 8, 5);
        assertThat(Arrays.stream(in.values()).allMatch(v -> v == 0 || v == 1)).isTrue();
        assertThat(Arrays.stream(in.values()).sum()).isPositive();
        assertThat(Arrays.stream(out.values()).allMatch(v -> v == 0 || v == 1)).isTrue();
    }

    static Stream<Arguments> layouts() {
        return Stream.of(NpyType.values()).flatMap(t -> Stream.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)
                .flatMap(o -> Stream.of(Arguments.of(t, o, false), Arguments.of(t, o, true))));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void everyTypeOrderAndLayoutRoundTrips(NpyType type, ByteOrder order, boolean fortran) {
        double[] values = new double[2 * 3 * 4];
        for (int k = 0; k < values.length; k++) {
            values[k] = type == NpyType.BOOL ? k % 2 : type == NpyType.UINT8 ? k * 10 : (k - 7) * (type.size() > 1 ? 1000 : 5);
        }
        if (type == NpyType.FLOAT32 || type == NpyType.FLOAT64) {
            values[3] = 0.15625;
        }
        NpyArray a = new NpyArray(type, new int[] {2, 3, 4}, values);
        Path f = dir.resolve(type + "-" + order + "-" + fortran + ".npy");
        Npy.write(f, a, order, fortran);
        assertThat(Npy.read(f)).isEqualTo(a);
    }

    @Test
    void aWrittenHeaderIsPaddedTo64BytesAndEndsInANewline() {
        byte[] b = Npy.bytes(NpyArray.float32(new int[] {5}, new double[5]), ByteOrder.LITTLE_ENDIAN, false);
        assertThat(b.length - 20).isEqualTo(128);
        assertThat(b[127]).isEqualTo((byte) '\n');
        assertThat(new String(b, 10, 118, StandardCharsets.ISO_8859_1)).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }");
    }

    @Test
    void malformedFilesNameTheProblem() {
        String h = "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }\n";
        assertThatThrownBy(() -> Npy.parse("hello world".getBytes(StandardCharsets.US_ASCII), "x.npy"))
                .isInstanceOf(SpikecoreException.class).hasMessageContaining("x.npy").hasMessageContaining("magic");
        assertThatThrownBy(() -> Npy.parse(file(1, h, new byte[12]), "t.npy"))
                .isInstanceOf(SpikecoreException.class).hasMessageContaining("needs 16 data bytes, the file has 12");
        assertThatThrownBy(() -> Npy.parse(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }\n",
                new byte[0]), "big.npy")).isInstanceOf(SpikecoreException.class).hasMessageContaining("more than 2^31");
        assertThatThrownBy(() -> Npy.parse(file(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }\n", new byte[8]), "c.npy"))
                .isInstanceOf(SpikecoreException.class).hasMessageContaining("unsupported dtype '<c8'");
        assertThatThrownBy(() -> Npy.parse(file(4, h, new byte[16]), "v.npy"))
                .isInstanceOf(SpikecoreException.class).hasMessageContaining("version 4");
        assertThatThrownBy(() -> Npy.parse(file(1, "{'descr': '<f4', 'shape': (4,), }\n", new byte[16]), "k.npy"))
                .isInstanceOf(SpikecoreException.class).hasMessageContaining("lacks 'fortran_order'");
        assertThatThrownBy(() -> Npy.parse(file(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (1,), }\n", new byte[] {2}), "b.npy"))
                .isInstanceOf(SpikecoreException.class).hasMessageContaining("not 0 or 1");
    }
}
