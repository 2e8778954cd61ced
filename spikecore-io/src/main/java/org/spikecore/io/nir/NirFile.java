package org.spikecore.io.nir;

/**
 * What a NIR file holds: the writer's version string and the top graph.
 *
 * @param version the file's {@code /version} (the NIR library version that wrote it)
 * @param graph   the top graph, {@code /node}
 */
public record NirFile(String version, NirNode.NirGraph graph) {

    public NirFile {
        java.util.Objects.requireNonNull(version, "version");
        java.util.Objects.requireNonNull(graph, "graph");
    }
}
