package org.spikecore.model;

/** Neurons whose spikes are given, not simulated. */
public sealed interface SpikeSource extends Node permits BernoulliSource, ArraySource, RateSource {
}
