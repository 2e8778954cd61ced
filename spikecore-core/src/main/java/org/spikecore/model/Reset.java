package org.spikecore.model;

/** What a spike does to one state unit of the neuron that fired. */
public sealed interface Reset {

    /** The state is left as it is. */
    record Keep() implements Reset {
    }

    /** The state is set to {@code value}. */
    record ToValue(int value) implements Reset {
    }

    /** {@code delta} is added to the state (saturating): subtractive reset, adaptation increments. */
    record Add(int delta) implements Reset {
    }

    /**
     * The state is raised to at least {@code value}: {@code x = max(value, x)}. Mihalas–Niebur's
     * threshold reset {@code Θ ← max(Θ_r, Θ)}: a spike never lowers a threshold that is already
     * above its reset value.
     */
    record AtLeast(int value) implements Reset {
    }

    /** Shorthand for {@link Keep}. */
    static Reset keep() {
        return new Keep();
    }

    /** Shorthand for {@link ToValue}. */
    static Reset toValue(int value) {
        return new ToValue(value);
    }

    /** Shorthand for {@link Add}. */
    static Reset add(int delta) {
        return new Add(delta);
    }

    /** Shorthand for {@link AtLeast}. */
    static Reset atLeast(int value) {
        return new AtLeast(value);
    }
}
