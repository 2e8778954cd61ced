package org.spikecore.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spikecore.SpikecoreException;
import org.spikecore.model.ArraySource;

/**
 * Spike trains in files, as engine inputs and outputs. The format is CSV, one event per line,
 * {@code tick,neuron} (integers; a first line {@code tick,neuron} is a header; blank lines and lines
 * starting with {@code #} are skipped). Events may come in any order; a neuron listed twice at the
 * same tick is an error.
 */
public final class SpikeFiles {

    private SpikeFiles() {
    }

    /** A spike source named {@code name} of {@code size} neurons from the CSV file. */
    public static ArraySource readCsv(Path file, String name, int size) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpikecoreException("spike file " + file + " cannot be read: " + e.getMessage());
        }
        List<int[]> events = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#") || (n == 0 && line.equalsIgnoreCase("tick,neuron"))) {
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length != 2) {
                throw new SpikecoreException("spike file " + file + " line " + (n + 1) + ": expected 'tick,neuron', got '" + line + "'");
            }
            try {
                events.add(new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())});
            } catch (NumberFormatException e) {
                throw new SpikecoreException("spike file " + file + " line " + (n + 1) + ": '" + line + "' is not two integers");
            }
        }
        try {
            return new ArraySource(name, size, events.stream().mapToInt(e -> e[0]).toArray(),
                    events.stream().mapToInt(e -> e[1]).toArray());
        } catch (IllegalArgumentException e) {
            throw new SpikecoreException("spike file " + file + ": " + e.getMessage());
        }
    }

    /** Writes (tick, neuron) events as CSV with a header, atomically. */
    public static void writeCsv(Path file, int[] ticks, int[] neurons) {
        if (ticks.length != neurons.length) {
            throw new IllegalArgumentException(ticks.length + " ticks for " + neurons.length + " neurons");
        }
        StringBuilder sb = new StringBuilder("tick,neuron\n");
        for (int k = 0; k < ticks.length; k++) {
            sb.append(ticks[k]).append(',').append(neurons[k]).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
