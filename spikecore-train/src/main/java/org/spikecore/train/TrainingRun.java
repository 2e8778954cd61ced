package org.spikecore.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A training run in the library: the epoch loop of a {@link Trainer} from the epoch it is at to a
 * target, resuming from a checkpoint, writing one every {@code every} epochs and after the last,
 * and telling a listener each epoch's result (the trainer's result type carries its evaluation).
 * Where checkpoints live is the caller's ({@link Checkpoints}: the command line's is spikecore-io's
 * versioned {@code CheckpointFile}, written atomically so that a run killed with SIGKILL resumes
 * from the last complete one). Because every random draw of the trainers is keyed by the epoch and
 * their schedules are functions of it, a resumed run ends on the bits of an uninterrupted one.
 *
 * @param <R> the result of one epoch
 */
public final class TrainingRun<R> {

    /** What a run trains: its epochs are counted and its whole state round-trips through a stream. */
    public interface Trainer<R> {

        /** Epochs trained so far. */
        int epoch();

        /** Trains one epoch and returns its result. */
        R trainEpoch();

        /** Writes everything training needs to continue. */
        void writeState(DataOutputStream out) throws IOException;

        /** Restores what {@link #writeState} wrote. */
        void readState(DataInputStream in) throws IOException;
    }

    /** Where the run's checkpoint is written and read back whole. */
    public interface Checkpoints {

        void write(StateWriter state);

        void read(StateReader state);
    }

    /** Writes a trainer's state. */
    @FunctionalInterface
    public interface StateWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads back what the matching {@link StateWriter} wrote. */
    @FunctionalInterface
    public interface StateReader {
        void read(DataInputStream in) throws IOException;
    }

    /** Told after every epoch (and after its checkpoint, if one was due). */
    @FunctionalInterface
    public interface Listener<R> {
        /** {@code epoch} is the number of epochs trained so far; {@code index} counts the epochs of this run from 0. */
        void epochDone(int epoch, int index, R result);
    }

    /**
     * What a run did.
     *
     * @param firstEpoch      the epoch it started from (after resuming)
     * @param results         one result per epoch it trained
     * @param secondsPerEpoch wall time per trained epoch, checkpoints included
     */
    public record Result<R>(int firstEpoch, List<R> results, double secondsPerEpoch) {
    }

    private final Trainer<R> trainer;
    private final Checkpoints checkpoints;
    private final int every;

    /**
     * A run of {@code trainer} with a checkpoint every {@code every} epochs and after the last one;
     * {@code checkpoints} may be null (no checkpoints).
     */
    public TrainingRun(Trainer<R> trainer, Checkpoints checkpoints, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 epoch, got " + every);
        }
        this.trainer = java.util.Objects.requireNonNull(trainer, "trainer");
        this.checkpoints = checkpoints;
        this.every = every;
    }

    /** Loads the checkpoint into the trainer; returns the epoch it is at. */
    public int resume() {
        if (checkpoints == null) {
            throw new IllegalStateException("resuming needs a checkpoint");
        }
        checkpoints.read(trainer::readState);
        return trainer.epoch();
    }

    /** Trains from the trainer's epoch up to {@code epochs} (nothing when it is there already). */
    public Result<R> train(int epochs, Listener<R> listener) {
        int first = trainer.epoch();
        if (first > epochs) {
            throw new IllegalArgumentException("the trainer is at epoch " + first + ", past the run's " + epochs);
        }
        List<R> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int e = first; e < epochs; e++) {
            R r = trainer.trainEpoch();
            results.add(r);
            if (checkpoints != null && (trainer.epoch() % every == 0 || e == epochs - 1)) {
                checkpoints.write(trainer::writeState);
            }
            if (listener != null) {
                listener.epochDone(trainer.epoch(), e - first, r);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result<>(first, List.copyOf(results), seconds / Math.max(1, epochs - first));
    }
}
