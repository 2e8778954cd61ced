package org.spikecore.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikecore.nsat.NsatConfig;
import org.spikecore.nsat.NsatRun;

/**
 * The engine under NSAT semantics against traces the NSAT C simulator computed itself (copies of
 * {@code shared/fixtures/nsat}, and the random and learning cases made the same way, described in
 * {@code spikecore-core/src/test/resources/nsat/README.md}): every state of every tick, every spike
 * tick, the spike counts, the final weights and, when learning, every weight of every tick must be
 * identical.
 */
class NsatGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(NsatGoldenTest.class.getResource("/nsat/" + name + ".json").toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lif_basic", "refractory", "coupling_negative", "mn_neuron", "noise_sigma", "blankout_prob",
        "stdp_box", "stdp_exp", "gated_stdp", "erbp_rr"})
    void everyStateAndSpikeMatchesNsat(String name) throws Exception {
        Path file = fixture(name);
        NsatConfig config = NsatCaseFiles.readConfig(file);
        Map<String, Object> expected = NsatCaseFiles.readOutput(file);
        Map<String, Object> actual = JSON.convertValue(NsatCaseFiles.outputOf(config, NsatRun.run(config)), Map.class);

        @SuppressWarnings("unchecked")
        List<List<List<Integer>>> wantX = (List<List<List<Integer>>>) expected.get("x");
        @SuppressWarnings("unchecked")
        List<List<List<Integer>>> gotX = (List<List<List<Integer>>>) actual.get("x");
        assertThat(gotX).hasSameSizeAs(wantX);
        for (int t = 0; t < wantX.size(); t++) {
            assertThat(gotX.get(t)).as("%s: states at tick %d", name, t).isEqualTo(wantX.get(t));
        }
        assertThat(actual.get("spikes")).as("spike ticks").isEqualTo(expected.get("spikes"));
        assertThat(actual.get("spike_counts")).as("spike counts").isEqualTo(expected.get("spike_counts"));
        assertThat(actual.get("final_weights")).as("final weights").isEqualTo(expected.get("final_weights"));
        if (expected.containsKey("weight_trace")) {
            @SuppressWarnings("unchecked")
            List<List<Integer>> want = (List<List<Integer>>) expected.get("weight_trace");
            @SuppressWarnings("unchecked")
            List<List<Integer>> got = (List<List<Integer>>) actual.get("weight_trace");
            assertThat(got).hasSameSizeAs(want);
            for (int t = 0; t < want.size(); t++) {
                assertThat(got.get(t)).as("%s: weights at the end of tick %d", name, t).isEqualTo(want.get(t));
            }
        }
    }
}
