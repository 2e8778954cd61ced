package org.spikecore.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;

class ImageDatasetsTest {

    @TempDir
    Path dir;

    /** Writes an IDX image file (n images of rows×cols, pixel (i, k) = i + k mod 256) and its labels (i mod 10). */
    static void writeIdx(Path images, Path labels, int n, int rows, int cols) throws IOException {
        try (DataOutputStream out = new DataOutputStream(wrap(images))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < rows * cols; k++) {
                    out.writeByte((i + k) & 0xff);
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(wrap(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(i % 10);
            }
        }
    }

    private static OutputStream wrap(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
    }

    @Test
    void readsGzippedAndPlainIdxFilesPixelForPixel() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 12, 3, 4);
        writeIdx(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"), 5, 3, 4);
        ImageDatasets.Split s = ImageDatasets.fashionMnist(dir);
        assertThat(s.train().size()).isEqualTo(12);
        assertThat(s.test().size()).isEqualTo(5);
        assertThat(s.train().rows()).isEqualTo(3);
        assertThat(s.train().cols()).isEqualTo(4);
        assertThat(s.train().labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
        assertThat(s.train().pixels()[7][2] & 0xff).isEqualTo(9);
        assertThat(s.test().intensity(4, 11)).isEqualTo(15 / 255f);
    }

    @Test
    void aWrongMagicNumberAMissingFileOrACountMismatchIsNamed() throws IOException {
        writeIdx(dir.resolve("a.idx"), dir.resolve("b.idx"), 3, 2, 2);
        assertThatThrownBy(() -> ImageDatasets.idx(dir.resolve("b.idx"), dir.resolve("b.idx"), 10)).isInstanceOf(SpikecoreException.class)
                .hasMessageContaining("b.idx is not an IDX image file: magic 0x00000801");
        writeIdx(dir.resolve("c.idx"), dir.resolve("d.idx"), 4, 2, 2);
        assertThatThrownBy(() -> ImageDatasets.idx(dir.resolve("a.idx"), dir.resolve("d.idx"), 10))
                .hasMessageContaining("d.idx holds 4 labels but").hasMessageContaining("a.idx 3 images");
        assertThatThrownBy(() -> ImageDatasets.idx(dir.resolve("c.idx"), dir.resolve("d.idx"), 3))
                .hasMessageContaining("label 3 of image 3 is not below 3");
        assertThatThrownBy(() -> ImageDatasets.fashionMnist(dir.resolve("nowhere"))).isInstanceOf(SpikecoreException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz").hasMessageContaining("is missing");
        byte[] whole = Files.readAllBytes(dir.resolve("a.idx"));
        Files.write(dir.resolve("short.idx"), java.util.Arrays.copyOf(whole, whole.length - 1));
        assertThatThrownBy(() -> ImageDatasets.idx(dir.resolve("short.idx"), dir.resolve("b.idx"), 10))
                .hasMessageContaining("short.idx ends before the number of images its header states");
    }

    private void writeDigits(int perDigit, String extra) throws IOException {
        for (int d = 0; d < 10; d++) {
            StringBuilder sb = new StringBuilder("{\"data\":[");
            for (int i = 0; i < perDigit; i++) {
                for (int k = 0; k < 784; k++) {
                    sb.append(i == 0 && k == 0 && d > 0 ? "0.5" : k == d ? "1" : "0").append(i == perDigit - 1 && k == 783 ? "" : ",");
                }
            }
            sb.append(d == 9 ? extra : "").append("]}");
            Files.writeString(dir.resolve(d + ".json"), sb.toString());
        }
    }

    @Test
    void npmDigitsAreSplitPerDigitAndInterleavedByClass() throws IOException {
        writeDigits(3, "");
        ImageDatasets.Split s = ImageDatasets.npmMnist(dir, 2);
        assertThat(s.train().size()).isEqualTo(20);
        assertThat(s.test().size()).isEqualTo(10);
        assertThat(s.train().labels()).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
        assertThat(s.test().labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(s.train().intensity(3, 3)).isEqualTo(1f); // digit 3's images have pixel 3 white
        assertThat(s.train().pixels()[3][0] & 0xff).isEqualTo(128); // 0.5 rounds to 128 of 255
        assertThat(s.test().intensity(3, 0)).isZero();
    }

    @Test
    void malformedNpmDigitsAreNamed() throws IOException {
        writeDigits(1, ",0.25");
        assertThatThrownBy(() -> ImageDatasets.npmMnist(dir)).isInstanceOf(SpikecoreException.class)
                .hasMessageContaining("9.json: 1 values left over after 1 images of 784");
        writeDigits(1, ",1.5");
        assertThatThrownBy(() -> ImageDatasets.npmMnist(dir)).hasMessageContaining("intensity 1.5 at value 784 is outside [0, 1]");
        Files.delete(dir.resolve("4.json"));
        assertThatThrownBy(() -> ImageDatasets.npmMnist(dir)).hasMessageContaining("4.json is missing");
    }
}
