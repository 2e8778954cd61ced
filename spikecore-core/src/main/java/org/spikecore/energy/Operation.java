package org.spikecore.energy;

/** Arithmetic operations an energy model prices by bit width. */
public enum Operation {
    /** Integer addition (an accumulate of a weight into a state, an address computation). */
    ADD,
    /** Integer multiplication (error × weight in the backward pass). */
    MULTIPLY
}
