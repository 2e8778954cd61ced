package org.spikecore.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole network: nodes (populations and spike sources), projections, and the capacity of a
 * core in state units. Construction validates everything the engine relies on, so a run never
 * starts on a network it cannot simulate exactly; messages name the offending element.
 *
 * <p>Placement: populations are laid onto cores in order, each core holding at most
 * {@code coreCapacity} state units (a neuron of an n-state model takes n); a population larger than
 * the space left is split across cores.
 *
 * @param nodes        populations and sources, names unique
 * @param projections  synapses between them
 * @param coreCapacity state units per core
 * @param semantics    the rules of the core that runs it ({@link CoreSemantics#SPIKECORE} unless
 *                     said otherwise)
 */
public record Network(List<Node> nodes, List<Projection> projections, int coreCapacity, CoreSemantics semantics) {

    /** A default core size: 2048 state units, as in the NSAT-class cores the project models. */
    public static final int DEFAULT_CORE_CAPACITY = 2048;

    /** Largest |Σ input| a neuron may receive in one tick, so sums stay exact in 32-bit arithmetic. */
    public static final long MAX_INPUT_MAGNITUDE = 1L << 30;

    public Network {
        nodes = List.copyOf(nodes);
        projections = List.copyOf(projections);
        java.util.Objects.requireNonNull(semantics, "network core semantics");
        if (coreCapacity < 1) {
            throw new IllegalArgumentException("core capacity must be positive, got " + coreCapacity);
        }
        Map<String, Node> byName = new HashMap<>();
        for (Node n : nodes) {
            if (byName.put(n.name(), n) != null) {
                throw new IllegalArgumentException("two nodes are named '" + n.name() + "'");
            }
            if (n instanceof Population p && p.model().stateCount() > coreCapacity) {
                throw new IllegalArgumentException("population " + p.name() + ": a neuron of " + p.model().stateCount()
                        + " states does not fit a core of capacity " + coreCapacity);
            }
        }
        Map<String, Long> inputBound = new HashMap<>();
        java.util.Set<String> projectionNames = new java.util.HashSet<>();
        for (Projection pr : projections) {
            if (!projectionNames.add(pr.name())) {
                throw new IllegalArgumentException("two projections are named '" + pr.name() + "'");
            }
            Node pre = byName.get(pr.pre());
            if (pre == null) {
                throw new IllegalArgumentException("projection " + pr.name() + ": no node named '" + pr.pre() + "'");
            }
            Node post = byName.get(pr.post());
            if (!(post instanceof Population pop)) {
                throw new IllegalArgumentException("projection " + pr.name() + ": target '" + pr.post()
                        + (post == null ? "' does not exist" : "' is a spike source, not a population"));
            }
            Connectivity c = pr.connectivity();
            if (c.preSize() != pre.size() || c.postSize() != post.size()) {
                throw new IllegalArgumentException("projection " + pr.name() + ": connectivity is " + c.preSize() + "x"
                        + c.postSize() + " but " + pre.name() + " -> " + post.name() + " is " + pre.size() + "x" + post.size());
            }
            if (pr.targetState() >= pop.model().stateCount()) {
                throw new IllegalArgumentException("projection " + pr.name() + ": target state " + pr.targetState()
                        + " does not exist in model " + pop.model().name() + " of " + pop.model().stateCount() + " states");
            }
            int[][] s = c.synapses();
            for (int k = 0; k < s[2].length; k++) {
                if (!pr.weightFormat().contains(s[2][k])) {
                    throw new IllegalArgumentException("projection " + pr.name() + ": weight of synapse " + s[0][k] + " -> "
                            + s[1][k] + " is " + s[2][k] + ", outside " + pr.weightFormat() + " ["
                            + pr.weightFormat().min() + ", " + pr.weightFormat().max() + "]");
                }
            }
            // the weight format bounds what a learning rule may write, so it bounds the input, not today's weights
            long widest = Math.max(Math.abs((long) pr.weightFormat().min()), pr.weightFormat().max());
            long bound = (long) c.maxFanIn() * widest
                    << Math.max(0, pop.model().states().get(pr.targetState()).inputShift());
            inputBound.merge(pr.post() + "#" + pr.targetState(), bound, Long::sum);
        }
        for (Map.Entry<String, Long> e : inputBound.entrySet()) {
            if (e.getValue() >= MAX_INPUT_MAGNITUDE) {
                throw new IllegalArgumentException("population state " + e.getKey() + ": worst-case input per tick "
                        + e.getValue() + " (fan-in x the weight format's largest |weight| x 2^input shift) exceeds 2^30");
            }
        }
    }

    /** A network on cores of {@code coreCapacity} state units with the engine's own rules. */
    public Network(List<Node> nodes, List<Projection> projections, int coreCapacity) {
        this(nodes, projections, coreCapacity, CoreSemantics.SPIKECORE);
    }

    /** A network on cores of the default capacity with the engine's own rules. */
    public Network(List<Node> nodes, List<Projection> projections) {
        this(nodes, projections, DEFAULT_CORE_CAPACITY);
    }

    /** This network with another core capacity. */
    public Network withCoreCapacity(int capacity) {
        return new Network(nodes, projections, capacity, semantics);
    }

    /** This network on a core with other rules. */
    public Network withSemantics(CoreSemantics rules) {
        return new Network(nodes, projections, coreCapacity, rules);
    }

    /** Index of the node with this name. */
    public int nodeIndex(String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("network has no node named '" + name + "'");
    }

    /** The placement of populations onto cores (see the class comment). */
    public List<CoreSlice> placement() {
        List<CoreSlice> slices = new ArrayList<>();
        int core = 0;
        int free = coreCapacity;
        for (int i = 0; i < nodes.size(); i++) {
            if (!(nodes.get(i) instanceof Population p)) {
                continue;
            }
            int units = p.model().stateCount();
            int start = 0;
            while (start < p.size()) {
                int fit = free / units;
                if (fit == 0) {
                    core++;
                    free = coreCapacity;
                    continue;
                }
                int len = Math.min(fit, p.size() - start);
                slices.add(new CoreSlice(core, i, start, len));
                start += len;
                free -= len * units;
            }
        }
        return slices;
    }

    /** Number of cores the placement uses. */
    public int coreCount() {
        List<CoreSlice> p = placement();
        return p.isEmpty() ? 0 : p.get(p.size() - 1).core() + 1;
    }
}
