package org.spikecore.model;

import java.util.Objects;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.learn.Plasticity;
import org.spikecore.memory.SynapseEncoding;

/**
 * Synapses from one node to a population.
 *
 * @param name         unique name
 * @param pre          name of the source node (population or spike source)
 * @param post         name of the target population
 * @param connectivity who connects to whom, with raw weights
 * @param weightFormat the format every weight must fit (checked before a run)
 * @param targetState  the state of the post neuron the input is added to (Ξ⊙W·S enters there)
 * @param delay        ticks from a pre spike to its effect, at least 1
 * @param probability  synapse transmission probability Ξ (stochastic synapses, drawn per synapse and
 *                     tick from the counter-based generator); 1 for deterministic synapses
 * @param encoding     the synapse-memory organization the engine stores it in (counts and storage
 *                     follow it; delivered synapses do not depend on it)
 * @param plasticity   whether and how its weights learn in the engine
 */
public record Projection(String name, String pre, String post, Connectivity connectivity, Format weightFormat,
        int targetState, int delay, double probability, SynapseEncoding encoding, Plasticity plasticity) {

    /** The longest delay a projection may have (the engine keeps a ring of this many input slots). */
    public static final int MAX_DELAY = 64;

    public Projection {
        Objects.requireNonNull(name, "projection name");
        Objects.requireNonNull(connectivity, "projection " + name + " connectivity");
        Objects.requireNonNull(weightFormat, "projection " + name + " weight format");
        if (weightFormat.bits() > 16) {
            throw new IllegalArgumentException("projection " + name + ": weights are at most 16 bits, got " + weightFormat);
        }
        if (delay < 1 || delay > MAX_DELAY) {
            throw new IllegalArgumentException("projection " + name + ": delay must be 1.." + MAX_DELAY + " ticks, got " + delay);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("projection " + name + ": synapse probability must be in (0, 1], got " + probability);
        }
        if (targetState < 0) {
            throw new IllegalArgumentException("projection " + name + ": target state must be >= 0, got " + targetState);
        }
        Objects.requireNonNull(encoding, "projection " + name + " encoding");
        if (!encoding.holds(connectivity instanceof ConvConnectivity)) {
            throw new IllegalArgumentException("projection " + name + ": encoding " + encoding.cliName() + " cannot hold "
                    + (connectivity instanceof ConvConnectivity ? "a convolution (it cannot share weights)"
                            : "connectivity without weight sharing (it stores a convolution's kernel)"));
        }
        if (weightFormat.bits() > encoding.wordBits()) {
            throw new IllegalArgumentException("projection " + name + ": " + weightFormat.bits() + "-bit weights do not fit the "
                    + encoding.wordBits() + "-bit words of its " + encoding.cliName() + " memory");
        }
        Objects.requireNonNull(plasticity, "projection " + name + " plasticity");
    }

    /** A projection with fixed weights in the engine's default memory organization. */
    public Projection(String name, String pre, String post, Connectivity connectivity, Format weightFormat, int targetState,
            int delay, double probability) {
        this(name, pre, post, connectivity, weightFormat, targetState, delay, probability, new SynapseEncoding.Default(),
                Plasticity.none());
    }

    /** This projection stored in another memory organization. */
    public Projection withEncoding(SynapseEncoding e) {
        return new Projection(name, pre, post, connectivity, weightFormat, targetState, delay, probability, e, plasticity);
    }

    /** This projection with learning weights. */
    public Projection withPlasticity(Plasticity p) {
        return new Projection(name, pre, post, connectivity, weightFormat, targetState, delay, probability, encoding, p);
    }

    /** Whether its weights learn. */
    public boolean plastic() {
        return !(plasticity instanceof Plasticity.None);
    }

    /** A deterministic projection with delay 1 into state {@code targetState}. */
    public static Projection of(String name, String pre, String post, Connectivity c, Format weightFormat, int targetState) {
        return new Projection(name, pre, post, c, weightFormat, targetState, 1, 1.0);
    }

    /** {@link #probability()} as a threshold on 32 random bits. */
    public long threshold32() {
        return CounterRng.threshold32(probability);
    }

    public boolean stochastic() {
        return probability < 1.0;
    }
}
