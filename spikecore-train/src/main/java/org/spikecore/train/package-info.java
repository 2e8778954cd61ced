/**
 * Surrogate-gradient training in float32 (BPTT). Contract: single-threaded and deterministic for a
 * seed (weights and inputs come from the counter-based generator); reductions use the fixed striped
 * order of {@link org.spikecore.train.FloatOps}, whose Vector API and scalar forms give the same
 * bits; the trace neurons follow REFERENCES §1 (Q/P/R) and the gradient is exact BPTT through the
 * linear traces with the surrogate in place of the step and the refractory path detached.
 */
package org.spikecore.train;
