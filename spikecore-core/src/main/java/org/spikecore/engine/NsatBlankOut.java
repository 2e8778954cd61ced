package org.spikecore.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.fixed.Pcg32;
import org.spikecore.model.Network;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

/**
 * NSAT's blank-out ({@code accumulate_synaptic_events} with {@code blank_out_prob}) replayed from
 * its PCG32 stream, draw for draw. After a tick's spikes are routed, for every spiking pre neuron
 * (populations in node order, then spike sources; neurons ascending) and every target state with
 * synapses, NSAT takes the probability of the <em>first</em> post of that pre's list, which lists
 * posts in descending order, and uses it for all of them: 15/15 transmits all, 0 none, otherwise one
 * {@code boundedrand(15) < prob} per post in list order. The bits are kept per synapse for the
 * delivery in the next tick. Only networks on one core use it (see {@link Simulation}).
 */
final class NsatBlankOut {

    /** One synapse of a pre's list: where its bit goes, and the probability (in fifteenths) of its projection. */
    private record Target(byte[] bits, int index, long order, int fifteenths) {
    }

    /** key (pre node, pre neuron, state) → the list NSAT walks. */
    private final Map<Long, Target[]> lists = new HashMap<>();
    private final List<Integer> populationsFirst = new ArrayList<>();
    private final int states;

    NsatBlankOut(Network network, List<SliceState> slices) {
        Map<Long, List<Target>> building = new HashMap<>();
        long order = 0;
        for (SliceState s : slices) {
            s.nsatTransmit = new byte[s.incoming.size()][];
            for (int in = 0; in < s.incoming.size(); in++) {
                Incoming inc = s.incoming.get(in);
                Projection p = network.projections().get(inc.projection());
                int preSize = p.connectivity().preSize();
                byte[] bits = new byte[preSize * s.length];
                s.nsatTransmit[in] = bits;
                int fifteenths = (int) Math.round(p.probability() * 15);
                if (Math.abs(fifteenths - p.probability() * 15) > 1e-9) {
                    throw new IllegalArgumentException("projection " + p.name() + ": NSAT's blank-out probability is k/15, got "
                            + p.probability());
                }
                int[][] syn = p.connectivity().synapses();
                for (int k = 0; k < syn[0].length; k++) {
                    int local = syn[1][k] - s.start;
                    if (local < 0 || local >= s.length) {
                        continue;
                    }
                    long key = key(inc.preNode(), syn[0][k], inc.targetState());
                    building.computeIfAbsent(key, x -> new ArrayList<>())
                            .add(new Target(bits, syn[0][k] * s.length + local, order + local, fifteenths));
                }
            }
            order += s.length;
        }
        for (Map.Entry<Long, List<Target>> e : building.entrySet()) {
            List<Target> list = e.getValue();
            list.sort(Comparator.comparingLong(Target::order).reversed());
            lists.put(e.getKey(), list.toArray(new Target[0]));
        }
        for (int i = 0; i < network.nodes().size(); i++) {
            if (network.nodes().get(i) instanceof Population) {
                populationsFirst.add(i);
            }
        }
        for (int i = 0; i < network.nodes().size(); i++) {
            if (!(network.nodes().get(i) instanceof Population)) {
                populationsFirst.add(i);
            }
        }
        this.states = maxStates(network);
    }

    private static int maxStates(Network network) {
        int m = 1;
        for (Node n : network.nodes()) {
            if (n instanceof Population p) {
                m = Math.max(m, p.model().stateCount());
            }
        }
        return m;
    }

    private static long key(int node, int neuron, int state) {
        return ((long) node << 40) | ((long) neuron << 8) | state;
    }

    /** Draws the bits for the spikes just routed ({@code spikes[node][0 .. count[node])}). */
    void draw(int[][] spikes, int[] count, Pcg32 stream) {
        for (int node : populationsFirst) {
            for (int s = 0; s < count[node]; s++) {
                for (int k = 0; k < states; k++) {
                    Target[] list = lists.get(key(node, spikes[node][s], k));
                    if (list == null) {
                        continue;
                    }
                    int prob = list[0].fifteenths();
                    for (Target t : list) {
                        t.bits()[t.index()] = (byte) (prob == 15 ? 1 : prob == 0 ? 0 : stream.boundedRand(15) < prob ? 1 : 0);
                    }
                }
            }
        }
    }
}
