package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostAndStudyTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void costJsonHasOneRowPerCombinationWithTheNamedFields() throws Exception {
        CommandLineTest.Outcome o = CommandLineTest.run("cost", "--layer", "fc:784x128", "--encoding", "crossbar,pb-bmp,pb-csr",
                "--bits", "2,4,8", "--density", "0.1,0.25,0.5,1.0", "--json");
        assertThat(o.code()).isZero();
        Map<String, Object> doc = new ObjectMapper().readValue(o.out(), Map.class);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) doc.get("rows");
        assertThat(rows).hasSize(3 * 3 * 4);
        assertThat(rows.get(0)).containsKeys("layer", "encoding", "bits", "density", "forward_J", "backward_J", "update_J",
                "memory_bits");
        assertThat(((Map<String, Object>) doc.get("energy_model")).get("name")).isEqualTo("horowitz-45nm");
        // crossbar memory: 784 rows x 128 two-bit weights = 784 x 4 words of 64 bits
        Map<String, Object> first = rows.get(0);
        assertThat(first).containsEntry("encoding", "crossbar").containsEntry("bits", 2);
        assertThat(((Number) first.get("memory_bits")).longValue()).isEqualTo(784L * 4 * 64);
    }

    @Test
    void costTableStatesTheActivityAndConvEncodingsApplyToConvOnly() {
        CommandLineTest.Outcome o = CommandLineTest.run("cost", "--layer", "fc:100x10,conv:8x8x2-4k3", "--bits", "4",
                "--density", "0.5");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("10 % input spikes").contains("default; --rates FILE");
        assertThat(o.out().lines().filter(l -> l.startsWith("fc:100x10")).count()).isEqualTo(4);
        assertThat(o.out().lines().filter(l -> l.startsWith("conv:8x8x2-4k3")).count()).isEqualTo(6);
    }

    @Test
    void costRatesAndModelFilesAreReadAndBadOnesNamed() throws Exception {
        Path rates = dir.resolve("rates.json");
        Files.writeString(rates, "{\"input_rate\": 0.2, \"error_rate\": 0.05, \"steps\": 50}");
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"layers\": [\"fc:20x10\"]}");
        CommandLineTest.Outcome o = CommandLineTest.run("cost", "--model", model.toString(), "--rates", rates.toString(),
                "--encoding", "crossbar", "--bits", "8", "--density", "1");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("20 % input spikes and 5 % error events per step, 50 steps").contains("fc:20x10");
        Files.writeString(model, "{\"nope\": 1}");
        CommandLineTest.Outcome bad = CommandLineTest.run("cost", "--model", model.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected {\"layers\"");
        assertThat(CommandLineTest.run("cost", "--layer", "fc:10x10", "--bits", "0").err()).contains("--bits must be");
        assertThat(CommandLineTest.run("cost", "--layer", "fc:10x10", "--density", "0").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("cost", "--layer", "fc:10x10", "--encoding", "conv-func").err())
                .contains("no encoding applies");
        assertThat(CommandLineTest.run("cost").err()).contains("give at least one layer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void memoryStudyWritesResultsCrossoversAndPlots() throws Exception {
        Path out = dir.resolve("study");
        CommandLineTest.Outcome o = CommandLineTest.run("run", "memory-study", "--out", out.toString());
        assertThat(o.code()).isZero();
        assertThat(out.resolve("fc-energy-vs-density.png")).isNotEmptyFile();
        assertThat(out.resolve("fc-forward-vs-backward.png")).isNotEmptyFile();
        assertThat(out.resolve("conv-encodings.png")).isNotEmptyFile();
        Map<String, Object> r = new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
        assertThat(r).containsKeys("run", "crossovers", "rows", "energy_model");
        assertThat((List<?>) r.get("rows")).hasSize(4 * 7 * 11 + 6 * 7 * 11);
        List<Map<String, Object>> cross = (List<Map<String, Object>>) r.get("crossovers");
        assertThat(cross).anySatisfy(c -> assertThat(c.get("relation").toString()).startsWith("cheaper than the crossbar below"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("study"); // no staging left
        }
        CommandLineTest.Outcome bad = CommandLineTest.run("run", "memory-study", "--out", dir.resolve("x").toString(), "--foo", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
