/**
 * The bit-accurate, event-driven simulator. Exact semantics of one tick {@code t}, per core, per
 * neuron, under the network's {@link org.spikecore.model.CoreSemantics} (all arithmetic on exact
 * integers, then clamped; nothing wraps). Where the two named semantics differ, the rule of
 * {@code SPIKECORE} is given first and NSAT's in brackets:
 *
 * <ol>
 * <li><b>Deliver.</b> Every spike emitted at tick {@code t−1} by a node with a projection into
 * this core is delivered through that projection's {@link org.spikecore.memory.SynapseMemory}
 * (forward access): each non-zero weight is added to the input accumulator of its post neuron and
 * target state for tick {@code t−1+delay} (delay ≥ 1). Sums are exact 32-bit integers (the network
 * bounds fan-in × |weight| below 2^30). A stochastic synapse transmits when the counter-based draw
 * keyed (seed, projection, t−1, pre·postSize+post) falls below its probability. The sum of a state's
 * input, after its gain ({@code << g}, or for a negative gain {@code sign(x)·(|x| >> −g)}), saturates
 * to the semantics' accumulator width (32 bits: exact; [NSAT: 16 bits]).</li>
 * <li><b>Integrate.</b> States are updated from the last to the first:
 * {@code x_k[t+1] = clamp_k( x_k − leak(x_k) + Σ_c sign_c·(x_src·2^−shift_c) + input_k + bias_k + η_k )},
 * where {@code leak(x) = sign(x)·max(1, |x| >> leakShift_k)} (the NSAT rule: a non-zero state leaks
 * at least one unit; none when the state has no leak), couplings read the source's previous value
 * unless marked current (then its value of this tick, source > target), a coupling's right shift
 * floors [NSAT: rounds toward zero and gives sign(x) instead of 0, {@code one_bit_shift}] and a
 * non-positive shift is an exact left shift, η is zero-mean noise keyed (seed, population, state,
 * t, neuron) (uniform: {@code s + c}, Gaussian: the sum becomes {@code trunc(sum + σ·z)}) [or drawn
 * from NSAT's PCG32 stream in NSAT's order], and clamp is to the state's [floor, ceiling] [NSAT:
 * the clamp follows the threshold test].</li>
 * <li><b>Refractory.</b> A neuron with a refractory count above zero decrements it, holds state 0
 * (at its reset value if that reset sets a value, else at its previous value) and cannot spike
 * [NSAT: overrides state 0 only when it resets to a value, and tests the threshold when the count
 * has reached zero].</li>
 * <li><b>Threshold.</b> Otherwise it spikes when {@code x_0[t+1] ≥ θ (+ x_d[t+1] for a dynamic
 * threshold on state d)} [NSAT: on the unclamped sums, then every state is clamped].</li>
 * <li><b>Reset.</b> On a spike every state applies its reset (keep, set to a value, add a
 * clamped increment, or raise to at least a value: {@code x = max(value, x)}) and the refractory
 * count is set to the model's period.</li>
 * <li><b>Route.</b> Spikes of all cores are gathered per node in core order (so neuron indices
 * ascend); spike sources draw theirs by a counter-based draw keyed (seed, node, t, neuron),
 * with one probability per source ({@code BernoulliSource}) or one per neuron set between samples
 * ({@code RateSource}), or read them ({@code ArraySource}).</li>
 * </ol>
 *
 * <p>Cores are stepped on threads (core c on thread c mod T); a core writes only its own arrays
 * and reads the routed spikes of the previous tick, so results are bit-identical for any thread
 * count. The Vector API neuron update is bit-identical to the scalar reference
 * ({@code NeuronUpdate}).
 *
 * <p>Counters: synaptic operations (non-zero weight deliveries), neuron updates, spikes per node,
 * and word reads/writes of every synapse memory (one memory per projection per core slice).
 */
package org.spikecore.engine;
