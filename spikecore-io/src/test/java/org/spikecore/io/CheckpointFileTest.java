package org.spikecore.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;
import org.spikecore.data.LabeledImages;
import org.spikecore.train.ImageClassifier;
import org.spikecore.train.PatternRetention;
import org.spikecore.train.Wage;

/**
 * The versioned checkpoint format. The golden files in {@code src/test/resources/checkpoints} were
 * written once by format version 1 ({@code -Dspikecore.writeGoldenCheckpoints=DIR} writes them
 * again into DIR); they must keep loading, and continue training to the numbers recorded here, for
 * as long as this build claims to read version 1.
 */
class CheckpointFileTest {

    @TempDir
    Path dir;

    /** A small pattern-retention task (the paper's neurons and loss, 32-16-8 over 16 steps), 6-bit WAGE weights. */
    static final PatternRetention.Config SMALL = new PatternRetention.Config(32, 16, 8, 16, 0.2, 10f, 1e-2f, 0.8f, 1.0);
    static final Wage WAGE = new Wage(6, 10, 8, 8, Wage.WeightScale.MSE);
    static final Map<String, String> PATTERN_CONFIG = Map.of("seed", "5", "weight-bits", "6");

    static final ImageClassifier.Config CLASSIFIER = new ImageClassifier.Config(8, 8, 8, 5e-2f, 1f, 1, Wage.FLOAT);
    static final Map<String, String> CLASSIFIER_CONFIG = Map.of("seed", "9", "hidden", "8");

    /** 24 images of 4x4 in 2 classes: class c lights the row c, plus noise that depends on the image. */
    static LabeledImages images() {
        byte[][] pixels = new byte[24][16];
        int[] labels = new int[24];
        for (int i = 0; i < 24; i++) {
            labels[i] = i % 2;
            for (int k = 0; k < 16; k++) {
                pixels[i][k] = (byte) (k / 4 == labels[i] ? 220 : (i * 29 + k * 13) % 60);
            }
        }
        return new LabeledImages(4, 4, 2, pixels, labels);
    }

    private static InputStream golden(String name) {
        return CheckpointFileTest.class.getResourceAsStream("/checkpoints/" + name);
    }

    @Test
    void theVersion1PatternRetentionCheckpointStillLoadsAndContinuesToTheSameBits() throws IOException {
        PatternRetention task = new PatternRetention(SMALL, 5, WAGE);
        try (InputStream in = golden("pattern-retention-v1.ckpt")) {
            CheckpointFile.read(in, "golden", "pattern-retention", PATTERN_CONFIG, task::readState);
        }
        assertThat(task.epoch()).isEqualTo(3);
        // written by the first trainer (TraceLayer, weights out x in): the Sequential network's forward pass on the loaded
        // weights gives that trainer's distance to the last bit
        PatternRetention.Epoch next = task.trainEpoch();
        assertThat(next.vrDistance()).isEqualTo(5.042206617775266);
    }

    @Test
    void theSequentialPatternRetentionCheckpointStillLoadsAndContinuesToTheSameBits() throws IOException {
        PatternRetention task = new PatternRetention(SMALL, 5, WAGE);
        try (InputStream in = golden("pattern-retention-v1-sequential.ckpt")) {
            CheckpointFile.read(in, "golden", "pattern-retention", PATTERN_CONFIG, task::readState);
        }
        assertThat(task.epoch()).isEqualTo(3);
        assertThat(task.trainEpoch().vrDistance()).isEqualTo(NEXT_VR_SEQUENTIAL);
    }

    /** The next epoch's distance from pattern-retention-v1-sequential.ckpt. */
    private static final double NEXT_VR_SEQUENTIAL = 5.107464299212837;

    @Test
    void theVersion1ClassifierCheckpointStillLoadsAndEvaluatesToTheSameNumbers() throws IOException {
        ImageClassifier c = new ImageClassifier(CLASSIFIER, 4, 4, 2, 9);
        try (InputStream in = golden("image-classifier-v1.ckpt")) {
            CheckpointFile.read(in, "golden", "fashion-mnist", CLASSIFIER_CONFIG, c::readState);
        }
        assertThat(c.epoch()).isEqualTo(2);
        assertThat(c.evaluate(images()).accuracy()).isEqualTo(22 / 24.0);
        assertThat(c.trainEpoch(images(), (b, n, loss) -> { })).isEqualTo(0.1488904931663738);
    }

    @Test
    void aCheckpointRoundTripsAndRefusesAnotherKindOrConfiguration() {
        PatternRetention task = new PatternRetention(SMALL, 5, WAGE);
        task.trainEpoch();
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, "pattern-retention", PATTERN_CONFIG, task::writeState);
        PatternRetention back = new PatternRetention(SMALL, 5, WAGE);
        CheckpointFile.read(file, "pattern-retention", PATTERN_CONFIG, back::readState);
        assertThat(back.epoch()).isEqualTo(1);
        assertThat(back.trainEpoch().vrDistance()).isEqualTo(task.trainEpoch().vrDistance());
        assertThatThrownBy(() -> CheckpointFile.read(file, "mnist", PATTERN_CONFIG, back::readState)).isInstanceOf(SpikecoreException.class)
                .hasMessageEndingWith("was written by pattern-retention, not by mnist");
        assertThatThrownBy(() -> CheckpointFile.read(file, "pattern-retention", Map.of("seed", "5"), back::readState))
                .hasMessageContaining("was written with --weight-bits 6 but this run has --weight-bits (unset)");
    }

    /** Writes the golden files again (only when asked: they are the record of version 1). */
    @Test
    void writeGoldenFilesWhenAsked() throws IOException {
        String to = System.getProperty("spikecore.writeGoldenCheckpoints");
        if (to == null) {
            return;
        }
        Path out = Files.createDirectories(Path.of(to));
        PatternRetention task = new PatternRetention(SMALL, 5, WAGE);
        for (int e = 0; e < 3; e++) {
            task.trainEpoch();
        }
        // pattern-retention-v1.ckpt stays as the first trainer wrote it; this trainer's state is the -sequential file
        CheckpointFile.write(out.resolve("pattern-retention-v1-sequential.ckpt"), "pattern-retention", PATTERN_CONFIG, task::writeState);
        ImageClassifier c = new ImageClassifier(CLASSIFIER, 4, 4, 2, 9);
        for (int e = 0; e < 2; e++) {
            c.trainEpoch(images(), (b, n, loss) -> { });
        }
        CheckpointFile.write(out.resolve("image-classifier-v1.ckpt"), "fashion-mnist", CLASSIFIER_CONFIG, c::writeState);
        System.out.println("next epoch VR " + task.trainEpoch().vrDistance() + " accuracy " + c.evaluate(images()).accuracy()
                + " loss " + c.trainEpoch(images(), (b, n, loss) -> { }));
    }
}
