package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikecore nsat run}: a case's output reproduced; malformed cases named, with exit 2 and no output. */
class NsatCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path mnCase() throws Exception {
        Path file = dir.resolve("mn.json");
        try (InputStream in = NsatCommandTest.class.getResourceAsStream("/nsat/mn_neuron.json")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    void writesTheSameKeysAndValuesAsNsatsOutput() throws Exception {
        Path out = dir.resolve("out.json");
        CommandLineTest.Outcome o = CommandLineTest.run("nsat", "run", mnCase().toString(), "--output", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("1 neurons x 4 states, 500 ticks");
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = JSON.convertValue(JSON.readTree(mnCase().toFile()).get("output"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> actual = JSON.readValue(out.toFile(), Map.class);
        assertThat(actual.keySet()).containsExactly("x", "spikes", "spike_counts", "final_weights");
        for (String key : actual.keySet()) {
            assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
        }
    }

    private void assertRefused(Consumer<ObjectNode> mutation, String message) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(mnCase().toFile());
        mutation.accept(root);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, JSON.writeValueAsString(root));
        Path out = dir.resolve("never.json");
        CommandLineTest.Outcome o = CommandLineTest.run("nsat", "run", bad.toString(), "--output", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).hasSize(1);
        assertThat(o.err()).contains(message);
        assertThat(out).doesNotExist();
    }

    @Test
    void malformedCasesNameTheKey() throws Exception {
        assertRefused(r -> ((ObjectNode) r.get("config")).remove("ticks"), "config.ticks is missing");
        assertRefused(r -> ((ObjectNode) r.get("config")).put("ticks", "many"), "config.ticks is \"many\"");
        assertRefused(r -> ((ObjectNode) r.get("config").get("neurons").get(0)).putArray("A"),
                "config.neurons[0].A must be an array of 4 entries, got 0 entries");
        assertRefused(r -> ((ObjectNode) r.get("config").get("neurons").get(0)).put("t_ref", -1), "config.neurons[0].t_ref");
        assertRefused(r -> ((ObjectNode) r.get("config").get("synapses").get(0)).put("pre", "x3"),
                "config.synapses[0].pre is 'x3', expected nK");
        assertRefused(r -> ((ObjectNode) r.get("config").get("synapses").get(0)).put("post", 5), "post 5 is not a neuron");
        assertRefused(r -> ((ObjectNode) r.get("config").get("input_spikes")).putArray("in0").add(3),
                "config.input_spikes: in0 is not an input");
        assertRefused(r -> ((ObjectNode) r.get("config").get("globals")).put("learning_on", true),
                "config.globals.tstdpmax is missing");
    }

    @Test
    void aFileThatIsNotJsonIsOneLine() throws Exception {
        Path bad = dir.resolve("garbage.json");
        Files.writeString(bad, "{\"config\": [1, 2");
        CommandLineTest.Outcome o = CommandLineTest.run("nsat", "run", bad.toString(), "--output",
                dir.resolve("o.json").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines().toList()).hasSize(1);
        assertThat(o.err()).contains("not valid JSON");
    }
}
