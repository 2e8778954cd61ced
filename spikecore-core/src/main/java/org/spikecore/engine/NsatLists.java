package org.spikecore.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.model.Network;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

/**
 * The synapses of every (pre unit, target state) in the order NSAT walks them: NSAT keeps one linked
 * list per pre and state, and since pyNSATlib writes the synapses sorted and NSAT pushes each to the
 * head, the list runs over the posts in descending order (posts ordered as the neurons of the core:
 * slices in placement order, neurons ascending). Spiking pres are taken populations first (NSAT's
 * neurons), then spike sources (its external inputs). Blank-out and NSAT learning walk these lists.
 */
final class NsatLists {

    /**
     * One stored synapse: the slice and incoming projection it lives in, its pre neuron, its post
     * neuron within the slice, and its index {@code pre·sliceLength + post} in per-incoming arrays.
     */
    record Target(SliceState slice, int incoming, Projection projection, int pre, int post, int index, long order) {
    }

    private final Map<Long, Target[]> lists = new HashMap<>();
    /** Node indices, populations first, then sources. */
    final int[] nodeOrder;
    /** The most states of any population (lists are looked up for each). */
    final int states;

    NsatLists(Network network, List<SliceState> slices) {
        Map<Long, List<Target>> building = new HashMap<>();
        long order = 0;
        for (SliceState s : slices) {
            for (int in = 0; in < s.incoming.size(); in++) {
                Incoming inc = s.incoming.get(in);
                Projection p = network.projections().get(inc.projection());
                int[][] syn = p.connectivity().synapses();
                for (int k = 0; k < syn[0].length; k++) {
                    int local = syn[1][k] - s.start;
                    if (local < 0 || local >= s.length) {
                        continue;
                    }
                    building.computeIfAbsent(key(inc.preNode(), syn[0][k], inc.targetState()), x -> new ArrayList<>())
                            .add(new Target(s, in, p, syn[0][k], local, syn[0][k] * s.length + local, order + local));
                }
            }
            order += s.length;
        }
        for (Map.Entry<Long, List<Target>> e : building.entrySet()) {
            List<Target> list = e.getValue();
            list.sort(Comparator.comparingLong(Target::order).reversed());
            lists.put(e.getKey(), list.toArray(new Target[0]));
        }
        List<Node> nodes = network.nodes();
        nodeOrder = new int[nodes.size()];
        int n = 0;
        int most = 1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Population p) {
                nodeOrder[n++] = i;
                most = Math.max(most, p.model().stateCount());
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (!(nodes.get(i) instanceof Population)) {
                nodeOrder[n++] = i;
            }
        }
        states = most;
    }

    /** The list of pre neuron {@code neuron} of node {@code node} into state {@code state}, or null. */
    Target[] of(int node, int neuron, int state) {
        return lists.get(key(node, neuron, state));
    }

    private static long key(int node, int neuron, int state) {
        return ((long) node << 40) | ((long) neuron << 8) | state;
    }
}
