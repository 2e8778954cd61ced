package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    private static final PatternRetention.Config SMALL = new PatternRetention.Config(40, 20, 12, 20, 0.1, 10f, 3e-3f, 0.8f, 0.5);
    private static final Wage WAGE = new Wage(6, 8, 8, 8);

    /** Checkpoints in memory, counting the writes. */
    private static final class Memory implements TrainingRun.Checkpoints {
        byte[] bytes;
        final List<Integer> writtenAt = new ArrayList<>();
        private final PatternRetention task;

        Memory(PatternRetention task) {
            this.task = task;
        }

        @Override
        public void write(TrainingRun.StateWriter state) {
            try {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(b);
                state.write(out);
                out.flush();
                bytes = b.toByteArray();
                writtenAt.add(task.epoch());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void read(TrainingRun.StateReader state) {
            try {
                state.read(new DataInputStream(new ByteArrayInputStream(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static PatternRetention task() {
        PatternRetention t = new PatternRetention(SMALL, 4, WAGE);
        t.setAnnealing(9);
        return t;
    }

    @Test
    void aRunStoppedAtACheckpointAndResumedEndsOnTheBitsOfAnUninterruptedOne() {
        PatternRetention straight = task();
        TrainingRun.Result<PatternRetention.Epoch> whole = new TrainingRun<>(straight, null, 1).train(9, null);
        assertThat(whole.firstEpoch()).isZero();
        assertThat(whole.results()).hasSize(9);

        PatternRetention first = task();
        Memory memory = new Memory(first);
        List<Integer> told = new ArrayList<>();
        new TrainingRun<>(first, memory, 3).train(5, (epoch, index, r) -> told.add(epoch));
        assertThat(memory.writtenAt).containsExactly(3, 5); // every 3 epochs and after the last
        assertThat(told).containsExactly(1, 2, 3, 4, 5);

        PatternRetention resumed = task();
        Memory from = new Memory(resumed);
        from.bytes = memory.bytes;
        TrainingRun<PatternRetention.Epoch> rest = new TrainingRun<>(resumed, from, 3);
        assertThat(rest.resume()).isEqualTo(5);
        TrainingRun.Result<PatternRetention.Epoch> end = rest.train(9, null);
        assertThat(end.firstEpoch()).isEqualTo(5);
        assertThat(end.results()).isEqualTo(whole.results().subList(5, 9));
        assertThat(resumed.forward()).isEqualTo(straight.forward());
        assertThat(from.writtenAt).containsExactly(6, 9);
    }

    @Test
    void aRunPastItsEpochsOrWithoutACheckpointIsRefused() {
        PatternRetention t = task();
        TrainingRun<PatternRetention.Epoch> run = new TrainingRun<>(t, null, 1);
        run.train(2, null);
        assertThatThrownBy(() -> run.train(1, null)).hasMessageContaining("at epoch 2, past the run's 1");
        assertThatThrownBy(run::resume).hasMessageContaining("needs a checkpoint");
        assertThatThrownBy(() -> new TrainingRun<>(t, null, 0)).hasMessageContaining("at least 1 epoch");
        assertThat(run.train(2, null).results()).isEmpty();
    }

    @Test
    void engineAgreementCountsSpikesAndTheirTiming() {
        float[] trainer = {1, 0, 0, 1, 0, 0};
        float[] engine = {1, 0, 0, 0, 0, 1}; // 2 steps x 3 neurons: the trainer's second spike is missing, one on neuron 2 extra
        EngineAgreement a = EngineAgreement.of(trainer, engine, 2, 3);
        assertThat(a.trainerSpikes()).isEqualTo(2);
        assertThat(a.engineSpikes()).isEqualTo(2);
        assertThat(a.identical()).isEqualTo(1);
        // precision 1/2 (the extra spike has no partner); recall 1 (the missing one has the engine's first within ±1 step)
        assertThat(a.f1()).isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(a.equal()).isFalse();
        assertThat(EngineAgreement.of(trainer, trainer, 2, 3).equal()).isTrue();
        assertThatThrownBy(() -> EngineAgreement.of(trainer, engine, 3, 3)).hasMessageContaining("3 steps x 3 neurons");
    }
}
