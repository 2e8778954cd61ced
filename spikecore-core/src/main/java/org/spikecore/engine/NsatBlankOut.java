package org.spikecore.engine;

import java.util.List;
import org.spikecore.fixed.Pcg32;
import org.spikecore.model.Network;
import org.spikecore.model.Projection;

/**
 * NSAT's blank-out ({@code accumulate_synaptic_events} with {@code blank_out_prob}) replayed from
 * its PCG32 stream, draw for draw. After a tick's spikes are routed, for every spiking pre neuron and
 * every target state with synapses ({@link NsatLists}), NSAT takes the probability of the
 * <em>first</em> post of that list and uses it for all of them: 15/15 transmits all, 0 none,
 * otherwise one {@code boundedrand(15) < prob} per post in list order. The bits are kept per synapse
 * ({@code SliceState.nsatTransmit}) for the delivery of those spikes. Only networks on one core use it
 * (see {@link Simulation}).
 */
final class NsatBlankOut {

    private final NsatLists lists;

    NsatBlankOut(Network network, List<SliceState> slices, NsatLists lists) {
        this.lists = lists;
        for (SliceState s : slices) {
            s.nsatTransmit = new byte[s.incoming.size()][];
            for (int in = 0; in < s.incoming.size(); in++) {
                Projection p = network.projections().get(s.incoming.get(in).projection());
                s.nsatTransmit[in] = new byte[p.connectivity().preSize() * s.length];
                fifteenths(p);
            }
        }
    }

    /** A projection's probability in NSAT's fifteenths, or an error if it is not one. */
    static int fifteenths(Projection p) {
        int k = (int) Math.round(p.probability() * 15);
        if (Math.abs(k - p.probability() * 15) > 1e-9) {
            throw new IllegalArgumentException("projection " + p.name() + ": NSAT's blank-out probability is k/15, got "
                    + p.probability());
        }
        return k;
    }

    /** Draws the bits for the spikes just routed ({@code spikes[node][0 .. count[node])}). */
    void draw(int[][] spikes, int[] count, Pcg32 stream) {
        for (int node : lists.nodeOrder) {
            for (int s = 0; s < count[node]; s++) {
                for (int k = 0; k < lists.states; k++) {
                    NsatLists.Target[] list = lists.of(node, spikes[node][s], k);
                    if (list == null) {
                        continue;
                    }
                    int prob = fifteenths(list[0].projection());
                    for (NsatLists.Target t : list) {
                        byte bit = (byte) (prob == 15 ? 1 : prob == 0 ? 0 : stream.boundedRand(15) < prob ? 1 : 0);
                        t.slice().nsatTransmit[t.incoming()][t.index()] = bit;
                    }
                }
            }
        }
    }
}
