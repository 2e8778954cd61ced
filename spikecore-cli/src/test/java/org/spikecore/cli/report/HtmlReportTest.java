package org.spikecore.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void embedsItsPlotsBitForBitShowsHeadlineFiguresAndEscapesText() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        Files.write(dir.resolve("a.png"), png);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("vr_distance", 12.3456789);
        results.put("precision", "W4 <mse>");
        results.put("zero_weight_fraction", Map.of("hidden", 0.25));
        results.put("curve", List.of(Map.of("epoch", 1)));
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, "spikecore run x & y", Map.of("seed", 42), results, dir, List.of("a.png"),
                List.of(new HtmlReport.Section("section <1>", "a < b")));
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>spikecore run x &amp; y</title>")
                .contains("<th>vr_distance</th><td>12.3457</td>").contains("<td>W4 &lt;mse&gt;</td>")
                .contains("<th>zero_weight_fraction.hidden</th><td>0.250000</td>").doesNotContain("<th>curve</th>")
                .contains("<h2>section &lt;1&gt;</h2>\n<pre>a &lt; b</pre>").contains("<th>seed</th><td>42</td>")
                .doesNotContain("<script").doesNotContain("http");
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(Base64.getDecoder().decode(m.group(1))).isEqualTo(png);
    }
}
