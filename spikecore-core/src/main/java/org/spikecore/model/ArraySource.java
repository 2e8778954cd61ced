package org.spikecore.model;

/**
 * Spikes given as a list of (tick, neuron) events, e.g. loaded from a file or an encoder.
 * Events are sorted by tick then neuron (the constructor sorts a copy and rejects duplicates).
 *
 * @param name    unique name
 * @param size    number of neurons
 * @param ticks   tick of each event
 * @param neurons neuron of each event
 */
public record ArraySource(String name, int size, int[] ticks, int[] neurons) implements SpikeSource {
    public ArraySource {
        if (size < 1) {
            throw new IllegalArgumentException("source " + name + ": size must be positive, got " + size);
        }
        if (ticks.length != neurons.length) {
            throw new IllegalArgumentException("source " + name + ": " + ticks.length + " ticks for " + neurons.length
                    + " neurons");
        }
        long[] keys = new long[ticks.length];
        for (int k = 0; k < ticks.length; k++) {
            if (ticks[k] < 0) {
                throw new IllegalArgumentException("source " + name + ": event " + k + " has negative tick " + ticks[k]);
            }
            if (neurons[k] < 0 || neurons[k] >= size) {
                throw new IllegalArgumentException("source " + name + ": event " + k + " names neuron " + neurons[k]
                        + " of " + size);
            }
            keys[k] = ((long) ticks[k] << 32) | neurons[k];
        }
        java.util.Arrays.sort(keys);
        ticks = new int[keys.length];
        neurons = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            if (k > 0 && keys[k] == keys[k - 1]) {
                throw new IllegalArgumentException("source " + name + ": neuron " + (int) keys[k] + " spikes twice at tick "
                        + (keys[k] >>> 32));
            }
            ticks[k] = (int) (keys[k] >>> 32);
            neurons[k] = (int) keys[k];
        }
    }

    /** A source from a raster {@code spikes[tick][neuron]}. */
    public static ArraySource fromRaster(String name, boolean[][] spikes) {
        int size = spikes.length == 0 ? 1 : spikes[0].length;
        java.util.List<int[]> ev = new java.util.ArrayList<>();
        for (int t = 0; t < spikes.length; t++) {
            if (spikes[t].length != size) {
                throw new IllegalArgumentException("source " + name + ": raster row " + t + " has " + spikes[t].length
                        + " neurons, expected " + size);
            }
            for (int i = 0; i < size; i++) {
                if (spikes[t][i]) {
                    ev.add(new int[] {t, i});
                }
            }
        }
        return new ArraySource(name, size, ev.stream().mapToInt(e -> e[0]).toArray(),
                ev.stream().mapToInt(e -> e[1]).toArray());
    }
}
