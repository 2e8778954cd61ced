package org.spikecore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.io.ResultsJson;

/**
 * Every kind of report.html (memory-study, pattern-retention, an image classifier, the demo) opened
 * in headless Chromium (Debian's {@code chromium}; scripts/install-chromium.sh installs it when
 * missing): each must load with no console message and every plot must decode to an image with
 * ink on it. One browser start opens them all, as frames of a probe page that inspects each
 * frame's images after load; a control frame that logs a console error proves the console check
 * sees one.
 */
class ReportInBrowserTest {

    @TempDir
    Path dir;

    private static void ok(CommandLineTest.Outcome o) {
        assertThat(o.code()).as(o.err()).isZero();
    }

    /** A small Fashion-MNIST-shaped data set: class c lights pixels 3c..3c+2 of 6x6 images. */
    private Path data() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String[] f : new String[][] {{"train", "120"}, {"t10k", "30"}}) {
            int n = Integer.parseInt(f[1]);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(data.resolve(f[0] + "-images-idx3-ubyte")))) {
                out.writeInt(0x00000803);
                out.writeInt(n);
                out.writeInt(6);
                out.writeInt(6);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < 36; k++) {
                        out.writeByte(k / 3 == i % 10 ? 230 : (i * 31 + k * 17) % 50);
                    }
                }
            }
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(data.resolve(f[0] + "-labels-idx1-ubyte")))) {
                out.writeInt(0x00000801);
                out.writeInt(n);
                for (int i = 0; i < n; i++) {
                    out.writeByte(i % 10);
                }
            }
        }
        return data;
    }

    private static String chromium() throws IOException, InterruptedException {
        Path script = Path.of("..", "scripts", "install-chromium.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        Assumptions.assumeTrue(p.exitValue() != 3, "skipped: chromium is not installed and cannot be here: " + said);
        assertThat(p.exitValue()).as(said).isZero();
        return "chromium";
    }

    @Test
    void everyKindOfReportLoadsCleanlyAndEveryPlotHasInk() throws Exception {
        String browser = chromium();
        Map<String, Path> reports = new LinkedHashMap<>();
        reports.put("memory-study", dir.resolve("study"));
        ok(CommandLineTest.run("run", "memory-study", "--out", reports.get("memory-study").toString()));
        reports.put("pattern-retention", dir.resolve("pr"));
        ok(CommandLineTest.run("run", "pattern-retention", "--out", reports.get("pattern-retention").toString(), "--epochs", "2"));
        reports.put("fashion-mnist", dir.resolve("fm"));
        ok(CommandLineTest.run("run", "fashion-mnist", "--out", reports.get("fashion-mnist").toString(), "--data", data().toString(),
                "--hidden", "16", "--steps", "6", "--batch", "16"));
        reports.put("demo", dir.resolve("demo"));
        CommandLineTest.Outcome demo = CommandLineTest.run("demo", "--only", "training", "--out", reports.get("demo").toString());
        ok(demo);
        assertThat(demo.out()).contains("report: " + reports.get("demo").resolve("report.html"));
        Path control = Files.writeString(dir.resolve("control.html"), "<!DOCTYPE html><html><body><script>console.error('control')"
                + "</script></body></html>");

        StringBuilder probe = new StringBuilder("<!DOCTYPE html><html><body>\n");
        List<String> names = new ArrayList<>(reports.keySet());
        for (int i = 0; i < names.size(); i++) {
            probe.append("<iframe id=\"f").append(i).append("\" src=\"").append(reports.get(names.get(i)).resolve("report.html").toUri())
                    .append("\" width=\"1000\" height=\"600\"></iframe>\n");
        }
        probe.append("<iframe src=\"").append(control.toUri()).append("\"></iframe>\n<pre id=\"result\">pending</pre>\n<script>\n")
                .append("window.addEventListener('load', () => { const lines = [];\n")
                .append(" for (let i = 0; i < ").append(names.size()).append("; i++) {\n")
                .append("  const d = document.getElementById('f' + i).contentDocument; const imgs = d.querySelectorAll('img');\n")
                .append("  lines.push('frame ' + i + ' title ' + d.title + ' images ' + imgs.length);\n")
                .append("  imgs.forEach(img => { if (!img.complete || img.naturalWidth === 0) { lines.push('frame ' + i + ' broken '"
                        + " + img.alt); return; }\n")
                .append("   const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;\n")
                .append("   const g = c.getContext('2d'); g.drawImage(img, 0, 0); const px = g.getImageData(0, 0, c.width, c.height).data;\n")
                .append("   let ink = 0; for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) ink++;\n")
                .append("   lines.push('frame ' + i + ' plot ' + img.alt + ' ' + (ink / (c.width * c.height)).toFixed(4)); }); }\n")
                .append(" document.getElementById('result').textContent = lines.join('\\n'); });\n</script></body></html>\n");
        Path page = Files.writeString(dir.resolve("probe.html"), probe.toString());
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                "--virtual-time-budget=10000", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom", page.toUri().toString()).redirectError(dir.resolve("console.txt").toFile())
                .redirectOutput(dir.resolve("dom.html").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        String dom = Files.readString(dir.resolve("dom.html"));
        String console = Files.readString(dir.resolve("console.txt"));

        Matcher m = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as(dom).isTrue();
        List<String> lines = m.group(1).lines().toList();
        assertThat(console).as("the control frame's error is seen").contains("\"control\", source: " + control.toUri());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Path report = reports.get(name).resolve("report.html");
            assertThat(console.lines().filter(l -> l.contains("CONSOLE") && l.contains(report.toUri().toString())).toList())
                    .as(name + " logs nothing to the console").isEmpty();
            String frame = "frame " + i + " ";
            List<?> plots = (List<?>) ResultsJson.read(reports.get(name).resolve("results.json")).get("plots");
            assertThat(lines).as(name).contains(frame + "title spikecore " + (name.equals("demo") ? "demo" : "run " + name) + " images "
                    + plots.size());
            assertThat(plots).as(name + " has plots").isNotEmpty();
            for (Object plot : plots) {
                String line = lines.stream().filter(l -> l.startsWith(frame + "plot " + plot + " ")).findFirst().orElseThrow(
                        () -> new AssertionError(name + ": plot " + plot + " did not load: " + lines));
                double ink = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                assertThat(ink).as(name + " " + plot + " fraction of inked pixels").isBetween(0.005, 0.95);
            }
        }
    }
}
