/**
 * Exact fixed-point arithmetic: the semantics every engine and kernel of spikecore follows.
 *
 * <ul>
 * <li>A {@link org.spikecore.fixed.Format} names width, fractional bits and signedness; raw values
 * are {@code int}s; results are computed exactly in 64 bits and then <b>saturate</b> into the
 * destination format. Nothing wraps.</li>
 * <li>Rounding is always named ({@link org.spikecore.fixed.Rounding}): toward zero, floor, nearest
 * even, stochastic. Stochastic rounding rounds up with probability equal to the discarded
 * fraction and takes its uniform from {@link org.spikecore.fixed.CounterRng}, a pure function of
 * (seed, stream, step, index): the same key gives the same bits in any thread and any order.</li>
 * <li>Shift-based decay {@code x − sign(x)·max(1, |x| >> k)}: the NSAT rule that a non-zero state
 * leaks at least one unit per tick (REFERENCES §2).</li>
 * <li>{@link org.spikecore.fixed.SaturatingOps} are the scalar reference kernels;
 * {@link org.spikecore.fixed.SaturatingVectorOps} the Vector API versions, equal bit for bit.</li>
 * </ul>
 */
package org.spikecore.fixed;
