package dev.pairstudio.ui.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML report: the headline figures and, per chart, its image (a base64 PNG in a
 * data URI, so the file needs nothing beside it) and the numbers behind it as a table.
 */
final class HtmlReport {
    /** A chart's numbers and its picture. */
    record Section(ChartNumbers numbers, byte[] png) {}

    /** Tables longer than this are folded into a {@code <details>} element. */
    private static final int FOLD_ROWS = 25;

    private HtmlReport() {}

    static String render(
            String filterDescription,
            Instant generated,
            List<DashboardCharts.Headline> headlines,
            List<Section> sections) {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Pair Studio statistics</title>\n<style>\n")
                .append(
                        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328;background:#fff;max-width:1200px}\n")
                .append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem}\n")
                .append(".meta{color:#57606a}\n")
                .append(
                        "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa}\n")
                .append("img{max-width:100%;border:1px solid #d0d7de;border-radius:6px}\n")
                .append(
                        "@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}th{background:#161b22}th,td{border-color:#30363d}.meta{color:#8b949e}}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Pair Studio statistics</h1>\n<p class=\"meta\">Filter: ")
                .append(escape(filterDescription))
                .append(" · generated ")
                .append(DateTimeFormatter.ISO_INSTANT.format(
                        generated.atOffset(ZoneOffset.UTC).toInstant()))
                .append("</p>\n");
        h.append(
                "<h2>Headline</h2>\n<table id=\"headline\">\n<thead><tr><th>Figure</th><th>Value</th><th>Detail</th></tr></thead>\n<tbody>\n");
        for (DashboardCharts.Headline x : headlines) {
            h.append("<tr id=\"headline-")
                    .append(escape(x.id()))
                    .append("\"><th>")
                    .append(escape(x.label()))
                    .append("</th><td class=\"num\">")
                    .append(escape(x.value()))
                    .append("</td><td>")
                    .append(escape(x.detail()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        for (Section s : sections) {
            ChartNumbers n = s.numbers();
            h.append("<section id=\"")
                    .append(escape(n.id()))
                    .append("\">\n<h2>")
                    .append(escape(n.title()))
                    .append("</h2>\n");
            if (s.png() != null) {
                h.append("<img alt=\"")
                        .append(escape(n.title()))
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(s.png()))
                        .append("\">\n");
            }
            boolean fold = n.rows().size() > FOLD_ROWS;
            if (fold) {
                h.append("<details><summary>").append(n.rows().size()).append(" rows</summary>\n");
            }
            h.append("<table>\n<thead><tr>");
            for (String c : n.columns()) {
                h.append("<th>").append(escape(c)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (ChartNumbers.Row r : n.rows()) {
                h.append("<tr><td>").append(escape(r.label())).append("</td>");
                for (Number v : r.values()) {
                    h.append("<td class=\"num\">")
                            .append(escape(ChartNumbers.format(v)))
                            .append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (fold) {
                h.append("</details>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
