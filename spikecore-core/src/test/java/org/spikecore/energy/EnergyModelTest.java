package org.spikecore.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;

class EnergyModelTest {

    private final Horowitz45nm model = new Horowitz45nm();

    @Test
    void sramFitReproducesHorowitzPointsWithinTenPercent() {
        assertThat(Horowitz45nm.read64Picojoules(8 * 1024)).isCloseTo(10, within(1.0));
        assertThat(Horowitz45nm.read64Picojoules(32 * 1024)).isCloseTo(20, within(1.0));
        assertThat(Horowitz45nm.read64Picojoules(1024 * 1024)).isCloseTo(100, within(1.0));
        // a 16-bit word of a 32 KB memory costs a quarter of a 64-bit one
        assertThat(model.readEnergy(32 * 1024 * 8, 16)).isCloseTo(model.readEnergy(32 * 1024 * 8, 64) / 4, within(1e-18));
        // about sqrt growth: 4x capacity, about 2x energy for large memories
        double ratio = model.readEnergy(4L << 23, 64) / model.readEnergy(1L << 23, 64);
        assertThat(ratio).isBetween(1.9, 2.0);
    }

    @Test
    void operationsFollowTheTable() {
        assertThat(model.operationEnergy(Operation.ADD, 8)).isCloseTo(0.03e-12, within(1e-18));
        assertThat(model.operationEnergy(Operation.ADD, 32)).isCloseTo(0.1e-12, within(1e-18));
        assertThat(model.operationEnergy(Operation.MULTIPLY, 8)).isCloseTo(0.2e-12, within(1e-18));
        assertThat(model.operationEnergy(Operation.MULTIPLY, 32)).isCloseTo(3.2e-12, within(1e-18));
    }

    @Test
    void sparseEncodingsWinAtLowDensityAndCrossbarAtFull() {
        LayerShape fc = new LayerShape.Fc(784, 128);
        double crossbarSparse = LayerCost.of(fc, Encoding.CROSSBAR, 8, 0.1, 64, Activity.DEFAULT, model).forwardSampleJ();
        double csrSparse = LayerCost.of(fc, Encoding.PB_CSR, 8, 0.1, 64, Activity.DEFAULT, model).forwardSampleJ();
        double crossbarDense = LayerCost.of(fc, Encoding.CROSSBAR, 8, 1.0, 64, Activity.DEFAULT, model).forwardSampleJ();
        double csrDense = LayerCost.of(fc, Encoding.PB_CSR, 8, 1.0, 64, Activity.DEFAULT, model).forwardSampleJ();
        assertThat(csrSparse).isLessThan(crossbarSparse);
        assertThat(csrDense).isGreaterThan(crossbarDense);
    }

    @Test
    void functionalConvCutsTheBackwardPathAgainstCsr() {
        LayerShape conv = new LayerShape.Conv(28, 28, 32, 32, 3);
        LayerCost csr = LayerCost.of(conv, Encoding.PB_CSR, 4, 0.7, 64, Activity.DEFAULT, model);
        LayerCost func = LayerCost.of(conv, Encoding.CONV_FUNC, 4, 0.7, 64, Activity.DEFAULT, model);
        assertThat(func.backwardSampleJ()).isLessThan(0.5 * csr.backwardSampleJ());
        assertThat(func.memoryBits()).isLessThan(csr.memoryBits() / 100);
        assertThat(func.toRow()).containsKeys("forward_J", "backward_J", "update_J", "memory_bits", "memories");
    }
}
