package org.spikecore.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spikecore.io.AtomicFiles;

/**
 * {@code report.html}: one self-contained page per run (no external file, script or font): the
 * headline figures (the results' single values, and maps of single values one level down), the
 * plots as PNG data URIs, any text sections, and the run record. A page opens the same from a
 * mail attachment as from the run's directory.
 */
public final class HtmlReport {

    private static final int MAX_FIGURES = 40;

    private HtmlReport() {
    }

    /** A titled block of preformatted text (a demo section's output). */
    public record Section(String title, String text) {
    }

    /**
     * Writes {@code file} for a run: {@code plots} are PNG file names in {@code dir}; {@code run}
     * is the results.json's {@code "run"} record.
     */
    public static void write(Path file, String title, Map<String, ?> run, Map<String, ?> results, Path dir, List<String> plots,
            List<Section> sections) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;"
                        + "vertical-align:top}th{background:#f4f4f4}figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}"
                        + "pre{background:#f8f8f8;padding:.6em;overflow-x:auto;font-size:12px}</style></head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        List<String[]> figures = headline(results);
        if (!figures.isEmpty()) {
            h.append("<h2>Headline figures</h2>\n<table>\n");
            for (String[] f : figures) {
                h.append("<tr><th>").append(esc(f[0])).append("</th><td>").append(esc(f[1])).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!plots.isEmpty()) {
            h.append("<h2>Plots</h2>\n");
        }
        for (String p : plots) {
            byte[] png;
            try {
                png = Files.readAllBytes(dir.resolve(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plot " + p + " for the report: " + e.getMessage(), e);
            }
            h.append("<figure><img class=\"plot\" alt=\"").append(esc(p)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(p))
                    .append("</figcaption></figure>\n");
        }
        for (Section s : sections) {
            h.append("<h2>").append(esc(s.title())).append("</h2>\n<pre>").append(esc(s.text())).append("</pre>\n");
        }
        h.append("<h2>Run record</h2>\n<table>\n");
        run.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(text(v))).append("</td></tr>\n"));
        h.append("</table>\n</body></html>\n");
        AtomicFiles.writeString(file, h.toString());
    }

    /** Single values, and maps of single values flattened one level ("zero_weight_fraction.hidden"). */
    private static List<String[]> headline(Map<String, ?> results) {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<String, ?> e : results.entrySet()) {
            Object v = e.getValue();
            if (isScalar(v)) {
                out.add(new String[] {e.getKey(), text(v)});
            } else if (v instanceof Map<?, ?> m && m.values().stream().allMatch(HtmlReport::isScalar)) {
                m.forEach((k, x) -> out.add(new String[] {e.getKey() + "." + k, text(x)}));
            }
        }
        return out.size() > MAX_FIGURES ? out.subList(0, MAX_FIGURES) : out;
    }

    private static boolean isScalar(Object v) {
        return v instanceof Number || v instanceof String || v instanceof Boolean;
    }

    private static String text(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.6g", ((Number) v).doubleValue());
        }
        if (v instanceof List<?> l) {
            return String.join(" ", l.stream().map(String::valueOf).toList());
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, x) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" = ").append(x));
            return b.toString();
        }
        return String.valueOf(v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
