package org.spikecore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.SpikecoreException;

class ConfigFileTest {

    @TempDir
    Path tmp;

    @Test
    void topLevelKeysBecomeOptions() throws Exception {
        Path f = Files.writeString(tmp.resolve("c.toml"), "# shared\nepochs = 300\nweight_scale = \"max\"\nanneal = false\nlearning-rate = 5e-4\n");
        assertThat(ConfigFile.read(f)).containsExactly(Map.entry("epochs", "300"), Map.entry("weight-scale", "max"),
                Map.entry("anneal", "false"), Map.entry("learning-rate", "0.0005"));
    }

    @Test
    void tablesListsAndBadSyntaxAreRefusedNamingTheKeyOrLine() throws Exception {
        Path table = Files.writeString(tmp.resolve("t.toml"), "epochs = 3\n[net]\nhidden = 4\n");
        assertThatThrownBy(() -> ConfigFile.read(table)).isInstanceOf(SpikecoreException.class).hasMessageContaining(
                "key 'net' must be a string, number or boolean, not a table");
        Path bad = Files.writeString(tmp.resolve("b.toml"), "epochs = 3\nseeds = = 4\n");
        assertThatThrownBy(() -> ConfigFile.read(bad)).isInstanceOf(SpikecoreException.class).hasMessageContaining("b.toml: line 2: ");
        assertThatThrownBy(() -> ConfigFile.read(tmp.resolve("none.toml"))).isInstanceOf(SpikecoreException.class).hasMessageContaining(
                "cannot be read");
    }
}
