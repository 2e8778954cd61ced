/**
 * On-chip learning: weight changes computed from quantities local to a synapse, in integer
 * arithmetic, triggered by spikes, and written only through the projection's
 * {@link org.spikecore.memory.SynapseMemory#update}, so every learning access is counted.
 *
 * <ul>
 * <li><b>State</b>: {@link org.spikecore.learn.Traces} (shift decays with stochastic rounding from
 * {@link org.spikecore.fixed.CounterRng}, nearest or all-to-all pairing),
 * {@link org.spikecore.learn.SpikeClock} (last-spike ticks), {@link org.spikecore.learn.Modulator}
 * ({@code x_m = Σ γ_i x_i}, current and latched at the post spike), a third factor, all held by a
 * {@link org.spikecore.learn.PlasticityState} that the engine drives once per tick
 * ({@code beginTick}, spike marks, rules, {@code endTick}).</li>
 * <li><b>Rules</b>: the sealed {@link org.spikecore.learn.LearningRule} family: pair STDP, NSAT's
 * forward-table STDP, stochastic binary STDP, reward-modulated STDP, eRBP, peRBP, ASP (with its leak
 * phase), and rules given
 * as text ({@link org.spikecore.learn.TextRule}: parsed by {@link org.spikecore.learn.RuleParser},
 * bounded and compiled to integer operations by {@link org.spikecore.learn.RuleCompiler}). A rule
 * is asked about the non-zero synapses, or, when it {@linkplain org.spikecore.learn.LearningRule#learnsFromZero
 * learns from 0} (stochastic binary STDP), about every stored synapse.</li>
 * <li><b>NSAT</b>: {@link org.spikecore.learn.NsatKernel}, {@link org.spikecore.learn.NsatShifts}
 * and {@link org.spikecore.learn.NsatForwardTable} are NSAT's learning arithmetic exactly
 * ({@code src/nsat.c}); with {@code Pcg32.nsatRandomizedRound} they reproduce NSAT's per-tick
 * weights bit for bit (golden cases in {@code src/test/resources/nsat}).</li>
 * <li><b>Gating</b>: {@link org.spikecore.learn.LearningGate}, a window on a state unit and a
 * periodic burn-in.</li>
 * <li>{@link org.spikecore.learn.ProjectionLearner} applies a rule to a projection at pre and post
 * spikes: {@link org.spikecore.learn.SynapseLearner} is the reference (one rule call per synapse),
 * {@link org.spikecore.learn.RowLearner} the fast path of eRBP, peRBP, pair STDP and text rules
 * (per-tick hoisting, row-wise loops, Vector API draws for eRBP), the same weights and access
 * counts bit for bit. Determinism: every random draw is keyed by (seed, stream, tick, synapse), so results do
 * not depend on thread count or visiting order.</li>
 * </ul>
 */
package org.spikecore.learn;
