/**
 * Sequential spiking networks of mixed layers trained by BPTT in float32: synaptic layers
 * ({@link org.spikecore.train.net.Dense}, {@link org.spikecore.train.net.Conv2d},
 * {@link org.spikecore.train.net.Pool}, {@link org.spikecore.train.net.Flatten}) map each step's
 * input to a current; neuron layers ({@link org.spikecore.train.net.Lif},
 * {@link org.spikecore.train.net.CubaLif}, {@link org.spikecore.train.net.RecurrentLif},
 * {@link org.spikecore.train.net.Qpr}; from the engine's neuron records by
 * {@link org.spikecore.train.net.EngineNeurons}) integrate it over time and spike. Sequential networks
 * quantize weights, states, errors and gradients when given a {@code Wage}. Contract: activations are per-sample flat arrays in channel-height-width
 * order, {@code x[b·size + k]}; every module's backward is called for steps T−1 down to 0 after the
 * forward pass of all steps; a batch is cut into fixed groups whose gradients are added in group
 * order, so the result does not depend on the thread count ({@link org.spikecore.train.net.Sequential}).
 *
 * <p><b>Weight layout.</b> Dense weights are stored by input, {@code wt[j·out + i]} connecting
 * input j to output i (in × out, the engine's pre × post order), and recurrent weights by source
 * neuron, {@code v[j·n + i]} from j to i: every layer's input is binary and sparse, so a spike adds
 * one contiguous row, in the forward pass and in the weight gradient alike. Convolution kernels are
 * {@code w[((o·C + ch)·k + i)·k + j]} (out channel, in channel, row, column). Readers and writers of
 * other layouts (NIR's out × in {@code weight}, the engine's projections) convert at their boundary.
 * The losses are the sealed {@link org.spikecore.train.Loss} family.
 */
package org.spikecore.train.net;
