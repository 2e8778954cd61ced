package org.spikecore.learn;

import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.memory.DenseMemory;

/** A tiny projection for rule tests: pre × post neurons, exact (floor) traces, a crossbar, states the test sets. */
final class Fixture {

    static final TraceSpec TRACE = new TraceSpec(2, 64, 127, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL);

    final PlasticityState state;
    final DenseMemory memory;
    final int[][] x;
    final SynapseLearner learner;

    Fixture(LearningRule rule, int[][] weights, TraceSpec trace) {
        int pre = weights.length;
        int post = weights[0].length;
        state = new PlasticityState(pre, post, 7, new TraceSpec[] {trace}, new TraceSpec[] {trace},
                Modulator.state(1), -1000);
        x = new int[2][post];
        state.bindPostStates(x);
        memory = DenseMemory.of(weights, Format.INT8, 64);
        learner = new SynapseLearner(rule, state, memory, LearningGate.OPEN, 0);
    }

    Fixture(LearningRule rule, int[][] weights) {
        this(rule, weights, TRACE);
    }

    /** One tick: the given pre and post spikes, learning at each, then the traces take them. */
    void tick(int t, int[] pres, int[] posts) {
        state.beginTick(t);
        for (int p : pres) {
            state.markPreSpike(p);
        }
        for (int q : posts) {
            state.markPostSpike(q);
        }
        for (int p : pres) {
            learner.onPreSpike(p);
        }
        for (int q : posts) {
            learner.onPostSpike(q);
        }
        state.endTick();
    }

    int w(int pre, int post) {
        return memory.weight(pre, post);
    }

    static int[] none() {
        return new int[0];
    }

    static int[] of(int... ids) {
        return ids;
    }
}
