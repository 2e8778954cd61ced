package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SgdTest {

    @Test
    void sgdWithMomentumIsTheHeavyBall() {
        Sgd sgd = new Sgd(1, 0.1f, 0.5f);
        float[] p = {1f};
        sgd.apply(p, new float[] {2f}); // v = 2, p = 1 − 0.2
        sgd.apply(p, new float[] {2f}); // v = 0.5·2 + 2 = 3, p = 0.8 − 0.3
        assertThat(p[0]).isCloseTo(0.5f, within(1e-6f));
    }
}
