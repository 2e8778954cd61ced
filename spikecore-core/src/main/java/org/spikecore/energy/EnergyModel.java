package org.spikecore.energy;

import java.util.Map;

/**
 * Turns counts into joules: the energy of one word access of an SRAM of a given capacity and word
 * width, and of one arithmetic operation of a given width. Every report names the model, its
 * version and its parameters, so figures can be traced to the numbers that made them.
 */
public interface EnergyModel {

    /** A short name, e.g. {@code horowitz-45nm-macro}. */
    String name();

    /** The version of the model's parameters; changes whenever a number changes. */
    String version();

    /** The parameters, for reports. */
    Map<String, Object> parameters();

    /** Joules to read one {@code wordBits}-bit word from an SRAM of {@code capacityBits}. */
    double readEnergy(long capacityBits, int wordBits);

    /** Joules to write one word. */
    double writeEnergy(long capacityBits, int wordBits);

    /** Joules of one operation on {@code bits}-bit operands. */
    double operationEnergy(Operation op, int bits);
}
