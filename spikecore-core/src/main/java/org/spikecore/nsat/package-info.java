/**
 * NSAT configurations in NSAT's own terms, and their runs on the engine under
 * {@link org.spikecore.model.CoreSemantics#NSAT}. Contract: {@link org.spikecore.nsat.NsatConfig}
 * holds a case as the NSAT C simulator ({@code nmi-lab/NSAT}) takes it (A and sA indexed
 * {@code [dst][src]}, exponent −16 = off, weights after NSAT's load-time clamp, NSAT's tick numbers);
 * {@link org.spikecore.nsat.NsatRun} maps it onto a {@link org.spikecore.model.Network} (one
 * population per neuron, one projection per pre, post and target state) and returns what NSAT's
 * monitors would record: {@code x[t][neuron][state]} for t = 0 (the initial state) .. ticks−1, spike
 * ticks, spike counts and final weights. Tick t of NSAT is engine tick t−1; NSAT's tick 0 is never
 * simulated. What the engine cannot run yet (learning) is refused with "not supported yet: …".
 */
package org.spikecore.nsat;
