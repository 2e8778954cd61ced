package org.spikecore.learn;

import org.spikecore.fixed.Rounding;
import org.spikecore.memory.SynapseMemory;

/**
 * Adaptive synaptic plasticity (Panda, Allred, Ramanathan &amp; Roy 2017/2018, "ASP: learning to
 * forget", REFERENCES §3): STDP-like recovery at post spikes whose learning rate falls with the
 * post neuron's activity, and a leak of every weight toward a baseline whose speed falls with the
 * same activity, so that neurons that have learned much keep what they learned and the rarely
 * active ones forget and become free for new inputs. In integer arithmetic, every division
 * stochastically rounded by draws of {@link org.spikecore.fixed.CounterRng} keyed by synapse and
 * tick ({@link Rounding#divide}); {@code n} is the post's spike count so far
 * ({@link PlasticityState#postSpikeTotal}) and {@code a(n) = 1 + (n >> activityShift)}:
 * <ul>
 * <li>recovery, at a post spike (and at a pre spike of the same tick):
 * {@code Δw = A·[(x_pre − offset) − (k >> pre_acc)] / (2^shift · a(n))}: η ∝ 1/post activity;
 * {@code x_pre} the pre's spike trace, {@code pre_acc} its accumulated (slowly leaking) spike count,
 * so an input that stayed silent is depressed by k and a busy one by almost nothing;</li>
 * <li>leak, once per call of {@link #leakAll} (the engine's {@code Simulation.leakWeights}, between
 * presentations): {@code Δw = −(w − baseline) / (2^leakShift · b(n))},
 * {@code b(n) = 1 + (n >> leakActivityShift)}, an exponential decay toward the baseline with time
 * constant ∝ b(n): active neurons forget slowly, inactive ones fast.</li>
 * </ul>
 * Every new weight is clamped into [{@code wMin}, {@code wMax}] ({@code wMin} ≥ 1 keeps a synapse
 * visible to {@link SynapseLearner}).
 *
 * @param preTrace      index of the pre trace {@code x_pre} (0 = {@code x1})
 * @param accTrace      index of the pre trace counting its recent spikes ({@code pre_acc})
 * @param amplitude     A (≥ 0)
 * @param offset        subtracted from the pre trace (the potentiation threshold)
 * @param k             depression of a silent input (≥ 0)
 * @param shift         learning-rate scale 2^−shift (0..30)
 * @param activityShift a(n) grows by one every 2^activityShift post spikes (0..30)
 * @param leakShift     leak per step of a never-active post, 2^−leakShift of (w − baseline) (0..30)
 * @param leakActivityShift b(n) grows by one every 2^leakActivityShift post spikes (0..30)
 * @param baseline      what an unused weight decays to
 * @param wMin          lower weight bound (≥ 1)
 * @param wMax          upper weight bound
 */
public record Asp(int preTrace, int accTrace, int amplitude, int offset, int k, int shift, int activityShift, int leakShift,
        int leakActivityShift, int baseline, int wMin, int wMax) implements LearningRule {

    /** CounterRng streams of the recovery and of the leak draws. */
    static final long RECOVERY_STREAM = PlasticityState.ROUNDING_STREAM + 16;
    static final long LEAK_STREAM = PlasticityState.ROUNDING_STREAM + 17;

    public Asp {
        if (preTrace < 0 || accTrace < 0) {
            throw new IllegalArgumentException("ASP trace indices must be >= 0, got " + preTrace + ", " + accTrace);
        }
        if (amplitude < 0 || k < 0) {
            throw new IllegalArgumentException("ASP amplitude and k must be non-negative, got " + amplitude + ", " + k);
        }
        for (int s : new int[] {shift, activityShift, leakShift, leakActivityShift}) {
            if (s < 0 || s > 30) {
                throw new IllegalArgumentException("ASP shifts must be 0..30, got " + shift + ", " + activityShift + ", "
                        + leakShift + ", " + leakActivityShift);
            }
        }
        if (wMin < 1 || wMin > wMax || baseline < wMin || baseline > wMax) {
            throw new IllegalArgumentException("ASP needs 1 <= wMin <= baseline <= wMax, got " + wMin + ", " + baseline + ", "
                    + wMax);
        }
    }

    /** Recovery when the post also spiked this tick, else nothing (ASP learns at post spikes). */
    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        return s.postSpiked(post) ? recovery(s, pre, post, w) : 0;
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        return recovery(s, pre, post, w);
    }

    /** The leak of synapse (pre, post) of weight w now: toward the baseline, slower for an active post. */
    public int leak(PlasticityState s, int pre, int post, int w) {
        long divisor = (1 + (s.postSpikeTotal(post) >> leakActivityShift)) << leakShift;
        long dw = Rounding.STOCHASTIC.divide(-(long) (w - baseline), divisor, s.randomBits(LEAK_STREAM, pre, post));
        return bounded(w, dw);
    }

    /**
     * The leak phase over a whole projection: every stored synapse of {@code memory}, post by post
     * ({@code backward}), takes {@link #leak}'s change through {@code update} (counted); returns how
     * many weights changed. {@code s} is the projection's plasticity state (pre = rows, post = columns).
     */
    public int leakAll(PlasticityState s, SynapseMemory memory) {
        int[] pres = new int[memory.preCount()];
        int[] weights = new int[memory.preCount()];
        int changed = 0;
        for (int post = 0; post < memory.postCount(); post++) {
            int[] n = {0};
            memory.backward(post, (pre, q, w) -> {
                pres[n[0]] = pre;
                weights[n[0]++] = w;
            });
            for (int j = 0; j < n[0]; j++) {
                int dw = leak(s, pres[j], post, weights[j]);
                if (dw != 0) {
                    memory.update(pres[j], post, dw);
                    changed++;
                }
            }
        }
        return changed;
    }

    private int recovery(PlasticityState s, int pre, int post, int w) {
        int acc = s.preTraces().value(accTrace, pre);
        long depression = acc >= 31 ? 0 : k >> acc;
        long value = (long) amplitude * (s.preTraces().value(preTrace, pre) - offset - depression);
        long divisor = activity(s, post) << shift;
        return bounded(w, Rounding.STOCHASTIC.divide(value, divisor, s.randomBits(RECOVERY_STREAM, pre, post)));
    }

    /** a(n) = 1 + (n >> activityShift). */
    private long activity(PlasticityState s, int post) {
        return 1 + (s.postSpikeTotal(post) >> activityShift);
    }

    private int bounded(int w, long dw) {
        return (int) (Math.clamp(w + dw, wMin, wMax) - w);
    }
}
