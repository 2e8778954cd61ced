package org.spikecore.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.io.ResultsJson;

/**
 * A sweep's merged results: one row per point in grid order; the grid keys first, then every
 * scalar result (nested maps flattened to {@code a.b}; lists left out) in order of first
 * appearance. Left out too: the run record, the point's run facts, and any column one of whose
 * words is a time or a host ({@code seconds}, {@code time}, {@code host}, {@code started}), so the
 * table depends on the points' parameters alone.
 *
 * @param columns the column names
 * @param rows    per row, one value per column (null where a point has no such result)
 */
public record SweepTable(List<String> columns, List<List<Object>> rows) {

    private static final Set<String> RUN_WORDS = Set.of("seconds", "time", "host", "started");

    public SweepTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** Reads every point of {@code grid} from {@code store} (all must be stored). */
    public static SweepTable merge(Grid grid, ResultsStore store) {
        List<Map<String, Object>> flat = new ArrayList<>();
        Set<String> resultColumns = new LinkedHashSet<>();
        for (Point p : grid.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            store.read(p).forEach((k, v) -> {
                if (!k.equals("run") && !k.equals("sweep_point")) {
                    flatten(k, v, row);
                }
            });
            grid.keys().forEach(row::remove);
            resultColumns.addAll(row.keySet());
            Map<String, Object> full = new LinkedHashMap<>();
            p.parameters().forEach((k, v) -> full.put(k, parameterValue(v)));
            full.putAll(row);
            flat.add(full);
        }
        List<String> columns = new ArrayList<>(grid.keys());
        columns.addAll(resultColumns);
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : flat) {
            rows.add(columns.stream().map(r::get).toList());
        }
        return new SweepTable(columns, rows);
    }

    private static void flatten(String name, Object value, Map<String, Object> into) {
        if (isRunFact(name) || value instanceof List<?>) {
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(name + "." + k, v, into));
        } else {
            into.put(name, value);
        }
    }

    private static boolean isRunFact(String column) {
        for (String word : column.split("[._]")) {
            if (RUN_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A grid value as a number when it reads as one, so the JSON table sorts and plots it as such. */
    private static Object parameterValue(String v) {
        if (v.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(v);
        }
        if (v.matches("-?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
            return Double.parseDouble(v);
        }
        return v;
    }

    /** The values of {@code column} (null where a row has none). */
    public List<Object> column(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("the table has no column '" + column + "'; columns: " + columns);
        }
        return rows.stream().map(r -> r.get(c)).toList();
    }

    /** RFC 4180 CSV with a header line. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", columns.stream().map(SweepTable::csvField).toList())).append('\n');
        for (List<Object> r : rows) {
            b.append(String.join(",", r.stream().map(v -> v == null ? "" : csvField(String.valueOf(v))).toList())).append('\n');
        }
        return b.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A Markdown table, for reports. */
    public String markdown() {
        StringBuilder b = new StringBuilder("| " + String.join(" | ", columns) + " |\n|");
        columns.forEach(c -> b.append("---|"));
        b.append('\n');
        for (List<Object> r : rows) {
            b.append("| ").append(String.join(" | ", r.stream().map(v -> v == null ? "" : String.valueOf(v).replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** A JSON array of one object per row. */
    public String json() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                o.put(columns.get(c), r.get(c));
            }
            objects.add(o);
        }
        return ResultsJson.toJson(objects) + "\n";
    }
}
