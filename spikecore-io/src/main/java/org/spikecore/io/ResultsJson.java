package org.spikecore.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.SpikecoreException;

/**
 * {@code results.json}: a run's provenance under {@code "run"} followed by its results, written
 * atomically. Results are plain maps, lists, strings, numbers and booleans (or records Jackson
 * can serialise).
 */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** Writes {@code {"run": record, ...results}} to {@code file}. */
    public static void write(Path file, RunRecord record, Map<String, ?> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", record.toMap());
        doc.putAll(results);
        AtomicFiles.writeString(file, toJson(doc) + "\n");
    }

    /** A value as indented JSON. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as one line of JSON (for {@code RESULT} lines). */
    public static String toCompactJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON file holding an object into a map; anything else is a one-line {@link SpikecoreException}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new SpikecoreException(file + " does not exist");
        }
        try {
            Object doc = MAPPER.readValue(file.toFile(), Object.class);
            if (!(doc instanceof Map<?, ?> m)) {
                throw new SpikecoreException(file + " does not hold a JSON object");
            }
            return (Map<String, Object>) m;
        } catch (IOException e) {
            throw new SpikecoreException("cannot read " + file + ": " + JsonErrors.oneLine(e), e);
        }
    }
}
