package org.spikecore.cli.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spikecore.SpikecoreException;
import org.spikecore.io.JsonErrors;
import org.spikecore.train.Wage;

/**
 * Parsing of an experiment's {@code --key value} options, from the command line or a TOML file
 * of {@code key = value} lines (the same names); every malformed value is an
 * {@link IllegalArgumentException} naming the option and what it takes, and, for a value from a
 * file, {@link #locate} adds the file and line.
 */
public final class Options {

    private Options() {
    }

    /** The keys a config file may hold besides the experiment's own options: the run's seed and output directory. */
    public static final Set<String> RUN_KEYS = Set.of("seed", "out");

    private static final TomlMapper TOML = new TomlMapper();
    /** Far above any experiment's options; bounds what a config file can make the reader hold. */
    private static final long MAX_CONFIG_BYTES = 1 << 20;
    /** The line that sets a top-level name: {@code name = …}, a dotted {@code name.sub = …} or a table {@code [name]}. */
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*(?:\\[+\\s*)?([\"']?)([A-Za-z0-9_-]+)\\1\\s*[=.\\]]");

    /** An option's value as text and where it was set ("run.toml line 3"). */
    public record Setting(String value, String origin) {
    }

    /**
     * The options of {@code experiment} in a TOML file: top-level {@code name = value} pairs whose
     * names are in {@code known} or {@link #RUN_KEYS}, with strings, numbers or booleans as values.
     * Anything else (a syntax error, an unknown name, a table, an array) is a
     * {@link SpikecoreException} naming the file, the line and the names allowed.
     */
    public static Map<String, Setting> readToml(Path file, String experiment, Set<String> known) {
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new SpikecoreException("config " + file + " is larger than " + MAX_CONFIG_BYTES / 1024
                        + " KiB; a config file holds an experiment's options");
            }
            return parseToml(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString(), experiment, known);
        } catch (IOException e) {
            throw new SpikecoreException("config " + file + ": " + JsonErrors.oneLine(e));
        }
    }

    /** As {@link #readToml} on a config file's text, {@code file} naming it in messages. */
    public static Map<String, Setting> parseToml(String text, String file, String experiment, Set<String> known) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (IOException e) {
            throw new SpikecoreException("config " + file + ": " + JsonErrors.oneLine(e));
        } catch (RuntimeException e) { // the TOML parser reports some malformed input unchecked
            throw new SpikecoreException("config " + file + " is not valid TOML: " + e.getClass().getSimpleName());
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] all = text.split("\\R", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = KEY_LINE.matcher(all[i]);
            if (m.find()) {
                lines.putIfAbsent(m.group(2), i + 1);
            }
        }
        Set<String> allowed = new TreeSet<>(known);
        allowed.addAll(RUN_KEYS);
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            String where = "config " + file + (lines.containsKey(key) ? " line " + lines.get(key) : "");
            if (!allowed.contains(key)) {
                throw new SpikecoreException(where + ": " + experiment + " has no option '" + shorten(key) + "'; options: " + allowed);
            }
            if (v.isContainerNode()) {
                throw new SpikecoreException(where + ": " + key + " takes one value (a string, number or true/false), not "
                        + (v.isArray() ? "an array" : "a table"));
            }
            settings.put(key, new Setting(v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.asText(),
                    where.replaceFirst("^config ", "")));
        }
        return settings;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * {@code e} with the origin of the first file-set option its message names ({@code --epochs})
     * appended, or {@code e} itself when it names none.
     */
    public static RuntimeException locate(RuntimeException e, Map<String, Setting> settings) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        for (Map.Entry<String, Setting> s : settings.entrySet()) {
            if (s.getValue().origin() != null && Pattern.compile("--" + Pattern.quote(s.getKey()) + "(?![A-Za-z0-9-])").matcher(m).find()) {
                return new SpikecoreException(m + " (set in " + s.getValue().origin() + ")", e);
            }
        }
        return e;
    }

    /** Rejects any key not in {@code known}. */
    static void checkKnown(String experiment, Map<String, String> o, Set<String> known) {
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(experiment + " has no option --" + k + "; options: " + new java.util.TreeSet<>(known));
            }
        }
    }

    /**
     * Layer sizes given as {@code --KEY 100} or {@code --KEY 200,200} (positive, separated by commas),
     * {@code dflt} when absent.
     */
    static java.util.List<Integer> layerSizes(Map<String, String> o, String key, String dflt) {
        String text = o.getOrDefault(key, dflt);
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int h = Integer.parseInt(part.trim());
                if (h < 1) {
                    throw new NumberFormatException();
                }
                sizes.add(h);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--" + key + " takes positive layer sizes separated by commas (100 or 200,200), got '"
                        + text + "'");
            }
        }
        return java.util.List.copyOf(sizes);
    }

    /** A whole number at least {@code min}, {@code dflt} when absent. */
    static int intOption(Map<String, String> o, String key, int dflt, int min) {
        return intOption(o, key, dflt, min, Integer.MAX_VALUE);
    }

    /** A whole number in [{@code min}, {@code max}], {@code dflt} when absent. */
    static int intOption(Map<String, String> o, String key, int dflt, int min, int max) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) {
                throw new IllegalArgumentException("--" + key + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                        : min + ".." + max) + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + v + "'");
        }
    }

    /** A number in (0, max], {@code dflt} when absent. */
    static float positive(Map<String, String> o, String key, float dflt, float max) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            float x = Float.parseFloat(v);
            if (!(x > 0 && x <= max)) {
                throw new IllegalArgumentException("--" + key + " must be in (0, " + max + "], got " + v);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got '" + v + "'");
        }
    }

    /** {@code true} or {@code false}; absent is false. */
    static boolean flag(Map<String, String> o, String key) {
        String v = o.getOrDefault(key, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + key + " takes true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    /** The four WAGE widths ({@code --weight-bits} etc., 0 or absent = float) and {@code --weight-scale max|mse} (default mse). */
    static Wage wage(Map<String, String> o) {
        String scaleName = o.getOrDefault("weight-scale", "mse");
        Wage.WeightScale scale = switch (scaleName) {
            case "max" -> Wage.WeightScale.MAX;
            case "mse" -> Wage.WeightScale.MSE;
            default -> throw new IllegalArgumentException("--weight-scale takes max or mse, got '" + scaleName + "'");
        };
        return new Wage(intOption(o, "weight-bits", 0, 0), intOption(o, "state-bits", 0, 0), intOption(o, "error-bits", 0, 0),
                intOption(o, "grad-bits", 0, 0), scale);
    }

    /** Option names of {@link #wage}. */
    static final Set<String> WAGE = Set.of("weight-bits", "state-bits", "error-bits", "grad-bits", "weight-scale");
}
