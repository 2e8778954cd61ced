package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;

class DeploymentTest {

    @Test
    void theEngineReproducesTheTrainedNetworksSpikesAlmostExactly() {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        PatternRetention task = new PatternRetention(small, 42);
        for (int e = 0; e < 300; e++) {
            task.trainEpoch();
        }
        float[] trainer = task.forward();
        float[] engine = engineOutput(task, 4096, 2, true);
        int trainerSpikes = 0;
        int identical = 0;
        for (int k = 0; k < engine.length; k++) {
            trainerSpikes += (int) trainer[k];
            identical += trainer[k] != 0f && engine[k] != 0f ? 1 : 0;
        }
        assertThat(trainerSpikes).isGreaterThan(50);
        assertThat(identical).isGreaterThanOrEqualTo((int) (0.9 * trainerSpikes));
        assertThat(SpikeTiming.f1(engine, trainer, small.steps(), small.outputs(), 1)).isGreaterThan(0.95);
        // the oracle, the trainer's integer forward pass and the engine agree bit for bit
        assertThat(IntegerForward.run(task, 4096)).isEqualTo(engine);
        assertThat(task.integerForward(4096)).isEqualTo(engine);
    }

    private static float[] engineOutput(PatternRetention task, int units, int threads, boolean vector) {
        PatternRetention.Config c = task.config();
        float[] engine = new float[c.steps() * c.outputs()];
        try (Simulation sim = new Simulation(task.toEngine(units), 1, threads, vector)) {
            SpikeRecorder r = sim.recordSpikes("output");
            sim.run(c.steps());
            for (int k = 0; k < r.size(); k++) {
                engine[r.ticks()[k] * c.outputs() + r.neurons()[k]] = 1f;
            }
        }
        return engine;
    }

    @Test
    void trainingThroughTheIntegerForwardPassDeploysWithTheSameSpikesAndLearns() {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        for (Wage wage : new Wage[] {Wage.FLOAT, new Wage(8, 0, 8, 8), new Wage(4, 0, 8, 8)}) {
            PatternRetention task = new PatternRetention(small, 42, wage, 4096);
            PatternRetention.Epoch first = task.trainEpoch();
            PatternRetention.Epoch last = first;
            for (int e = 1; e < 300; e++) {
                last = task.trainEpoch();
            }
            float[] trained = task.forward();
            assertThat(last.vrDistance()).as("%s learns", wage).isLessThan(0.8 * first.vrDistance());
            assertThat(trained).as("%s: the trainer's forward pass is the engine's, spike for spike", wage)
                    .isEqualTo(engineOutput(task, 4096, 1, false)).isEqualTo(IntegerForward.run(task, 4096));
            int n = 0;
            for (float s : trained) {
                n += (int) s;
            }
            assertThat(n).isGreaterThan(20);
        }
        assertThatThrownBy(() -> new PatternRetention(small, 1, new Wage(8, 8, 8, 8), 4096)).hasMessageContaining("--state-bits");
    }

    @Test
    void integerForwardEqualsTheEngineForQuantizedNetworksAtSeveralScales() {
        PatternRetention.Config small = new PatternRetention.Config(60, 30, 20, 40, 0.08, 10f, 3e-3f, 0.8f, 0.5);
        for (Wage wage : new Wage[] {Wage.FLOAT, new Wage(4, 8, 8, 8)}) {
            PatternRetention task = new PatternRetention(small, 5, wage);
            for (int e = 0; e < 50; e++) {
                task.trainEpoch();
            }
            for (int units : new int[] {256, 1024, 8192}) {
                float[] engine = engineOutput(task, units, 1, false);
                assertThat(IntegerForward.run(task, units)).as("%s at %d units", wage, units).isEqualTo(engine);
                assertThat(task.integerForward(units)).as("trainer's integer pass, %s at %d units", wage, units).isEqualTo(engine);
            }
        }
    }
}
