package org.spikecore.io.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.spikecore.SpikecoreException;
import org.spikecore.io.AtomicFiles;

/**
 * Reads and writes {@code .npy} files: the magic {@code \x93NUMPY}, a major and minor version, the
 * header length (2 bytes little-endian in version 1, 4 bytes in versions 2 and 3), a header that is
 * a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}, padded with
 * spaces and a newline so that the data starts at a multiple of 64 bytes, then the raw data.
 */
public final class Npy {

    /** Integers up to this magnitude are exact as doubles. */
    static final double EXACT_LONG = 9007199254740992.0; // 2^53

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Reads {@code file}. */
    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpikecoreException("file " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses the bytes of a {@code .npy} file called {@code name} in messages. */
    public static NpyArray parse(byte[] bytes, String name) {
        String where = "file " + name + ": ";
        if (bytes.length < 10 || !Arrays.equals(bytes, 0, 6, MAGIC, 0, 6)) {
            throw new SpikecoreException(where + "not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6] & 0xff;
        int headerLength;
        int headerStart;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            headerLength = buf.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new SpikecoreException(where + "truncated header length");
            }
            long len = buf.getInt(8) & 0xffffffffL;
            if (len > bytes.length) {
                throw new SpikecoreException(where + "header length " + len + " exceeds the file's " + bytes.length + " bytes");
            }
            headerLength = (int) len;
            headerStart = 12;
        } else {
            throw new SpikecoreException(where + "unsupported .npy format version " + major + "." + (bytes[7] & 0xff));
        }
        if ((long) headerStart + headerLength > bytes.length) {
            throw new SpikecoreException(where + "header of " + headerLength + " bytes runs past the end of the file");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(header, where);
        int dataStart = headerStart + headerLength;
        long count = 1;
        for (int d : h.shape()) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new SpikecoreException(where + "shape " + Arrays.toString(h.shape()) + " has more than 2^31 elements");
            }
        }
        long need = count * h.type().size();
        long have = bytes.length - (long) dataStart;
        if (need != have) {
            throw new SpikecoreException(where + "shape " + Arrays.toString(h.shape()) + " of " + h.type().code() + " needs " + need
                    + " data bytes, the file has " + have);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) need).slice().order(h.order());
        double[] values = new double[(int) count];
        for (int k = 0; k < values.length; k++) {
            values[k] = element(data, k, h.type(), where);
        }
        if (h.fortran()) {
            values = transpose(values, h.shape(), false);
        }
        return new NpyArray(h.type(), h.shape(), values);
    }

    private static double element(ByteBuffer data, int k, NpyType type, String where) {
        int at = k * type.size();
        return switch (type) {
            case BOOL -> {
                int b = data.get(at);
                if (b != 0 && b != 1) {
                    throw new SpikecoreException(where + "bool element " + k + " is " + b + ", not 0 or 1");
                }
                yield b;
            }
            case UINT8 -> data.get(at) & 0xff;
            case INT8 -> data.get(at);
            case INT16 -> data.getShort(at);
            case INT32 -> data.getInt(at);
            case INT64 -> {
                long v = data.getLong(at);
                if (Math.abs((double) v) > EXACT_LONG) {
                    throw new SpikecoreException(where + "int64 element " + k + " = " + v + " is beyond 2^53 and cannot be held exactly");
                }
                yield v;
            }
            case FLOAT32 -> data.getFloat(at);
            case FLOAT64 -> data.getDouble(at);
        };
    }

    /**
     * Reorders between Fortran order (first index fastest) and C order (last index fastest):
     * {@code toFortran} false reads Fortran-ordered {@code values} into C order, true the reverse.
     */
    static double[] transpose(double[] values, int[] shape, boolean toFortran) {
        double[] out = new double[values.length];
        int r = shape.length;
        int[] index = new int[r];
        for (int c = 0; c < values.length; c++) {
            int f = 0;
            for (int d = r - 1; d >= 0; d--) {
                f = f * shape[d] + index[d];
            }
            if (toFortran) {
                out[f] = values[c];
            } else {
                out[c] = values[f];
            }
            for (int d = r - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return out;
    }

    /** Writes {@code array} to {@code file} atomically, little-endian and in C order. */
    public static void write(Path file, NpyArray array) {
        write(file, array, ByteOrder.LITTLE_ENDIAN, false);
    }

    /** Writes {@code array} to {@code file} atomically in the given byte order and memory order. */
    public static void write(Path file, NpyArray array, ByteOrder order, boolean fortran) {
        byte[] bytes = bytes(array, order, fortran);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The file's bytes: version 1.0 when the header fits 65,535 bytes, else 2.0. */
    public static byte[] bytes(NpyArray array, ByteOrder order, boolean fortran) {
        NpyType type = array.type();
        char endian = type.size() == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        StringBuilder dict = new StringBuilder("{'descr': '").append(endian).append(type.code()).append("', 'fortran_order': ")
                .append(fortran ? "True" : "False").append(", 'shape': (");
        int[] shape = array.shape();
        for (int k = 0; k < shape.length; k++) {
            dict.append(shape[k]).append(shape.length == 1 ? "," : k < shape.length - 1 ? ", " : "");
        }
        dict.append("), }");
        int major = dict.length() + 1 + 10 <= 65535 ? 1 : 2;
        int prefix = major == 1 ? 10 : 12;
        int padded = (prefix + dict.length() + 1 + 63) / 64 * 64;
        while (dict.length() + 1 + prefix < padded) {
            dict.append(' ');
        }
        dict.append('\n');
        byte[] header = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        double[] values = fortran ? transpose(array.values(), shape, true) : array.values();
        ByteBuffer buf = ByteBuffer.allocate(prefix + header.length + values.length * type.size());
        buf.put(MAGIC).put((byte) major).put((byte) 0);
        buf.order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            buf.putShort((short) header.length);
        } else {
            buf.putInt(header.length);
        }
        buf.put(header);
        buf.order(order);
        for (double v : values) {
            switch (type) {
                case BOOL, UINT8, INT8 -> buf.put((byte) v);
                case INT16 -> buf.putShort((short) v);
                case INT32 -> buf.putInt((int) v);
                case INT64 -> buf.putLong((long) v);
                case FLOAT32 -> buf.putFloat((float) v);
                case FLOAT64 -> buf.putDouble(v);
            }
        }
        return buf.array();
    }
}
