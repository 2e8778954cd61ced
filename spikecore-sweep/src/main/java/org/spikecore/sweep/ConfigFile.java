package org.spikecore.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.SpikecoreException;

/**
 * A sweep's {@code --config FILE.toml}: the options every point shares, one top-level key each
 * ({@code epochs = 300}, {@code weight_scale = "max"}; {@code _} or {@code -} in names), values
 * strings, numbers or booleans.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /** The options in {@code file}, as option names ({@code weight-scale}) to their text. */
    public static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new SpikecoreException("config " + file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SpikecoreException("config " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (!v.isValueNode()) {
                throw new SpikecoreException("config " + file + ": key '" + e.getKey() + "' must be a string, number or boolean, not a "
                        + (v.isArray() ? "list" : "table"));
            }
            options.put(Point.optionName(e.getKey()), v.asText());
        }
        return options;
    }
}
