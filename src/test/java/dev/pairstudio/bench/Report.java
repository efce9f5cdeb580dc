package dev.pairstudio.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of one benchmark run, grouped by area, and their Markdown. */
final class Report {

    /** What the suite measures, in the order it runs them (the reference ceilings right after the import); the names are those of {@code --only}. */
    enum Area {
        REFERENCE("reference", "Reference ceilings"),
        IMPORT("import", "Import (issue 4)"),
        READS("reads", "Store reads (issue 4)"),
        DELETE("delete", "Delete by filter (issue 4)"),
        STATS("stats", "Statistics (issue 7)"),
        ANALYSIS("analysis", "SQL analysis (issue 5) and anonymization (issue 6)"),
        EXPORT("export", "Export (issue 7)");

        final String key;
        final String title;

        Area(String key, String title) {
            this.key = key;
            this.title = title;
        }

        static Area parse(String key) {
            for (Area a : values()) {
                if (a.key.equalsIgnoreCase(key.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown area '" + key + "'; known: " + String.join(", ", keys()));
        }

        static List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Area a : values()) {
                keys.add(a.key);
            }
            return keys;
        }
    }

    enum Verdict {
        MEETS("meets"),
        MISSES("**misses**"),
        NONE(""),
        NOT_CHECKED("not checked"),
        FAILED("**failed**");

        final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(boolean meets) {
            return meets ? MEETS : MISSES;
        }
    }

    /**
     * One measured figure.
     *
     * @param value the figure as a number (rate, milliseconds, ratio): what a test checks is positive
     */
    record Row(
            String operation,
            String size,
            String figure,
            double value,
            String target,
            Verdict verdict,
            String heap,
            String note) {}

    private final Map<Area, List<Row>> rows = new LinkedHashMap<>(); // in the order the areas ran
    private final List<String> header = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void footer(String line) {
        footer.add(line);
    }

    void add(Area area, Row row) {
        rows.computeIfAbsent(area, a -> new ArrayList<>()).add(row);
    }

    void failed(Area area, String operation, Throwable e) {
        add(area, new Row(operation, "", "FAILED: " + e, Double.NaN, "", Verdict.FAILED, "", ""));
    }

    List<Row> rows(Area area) {
        return rows.getOrDefault(area, List.of());
    }

    Map<Area, List<Row>> all() {
        return rows;
    }

    String headerMarkdown() {
        return String.join("\n", header) + "\n";
    }

    String footerMarkdown() {
        return footer.isEmpty() ? "" : "\n" + String.join("\n", footer) + "\n";
    }

    static String table(Area area, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n### ").append(area.title).append("\n\n");
        sb.append("| operation | size | figure | target | result | peak heap | note |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ")
                    .append(cell(r.operation()))
                    .append(" | ")
                    .append(cell(r.size()))
                    .append(" | ")
                    .append(cell(r.figure()))
                    .append(" | ")
                    .append(cell(r.target()))
                    .append(" | ")
                    .append(r.verdict().text)
                    .append(" | ")
                    .append(cell(r.heap()))
                    .append(" | ")
                    .append(cell(r.note()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder(headerMarkdown());
        for (Map.Entry<Area, List<Row>> e : rows.entrySet()) {
            sb.append(table(e.getKey(), e.getValue()));
        }
        sb.append(footerMarkdown());
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    // ---- number formats shared by the areas ------------------------------------------------

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f pairs/s", perSecond);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, s >= 10 ? "%.1f s" : "%.2f s", s);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1048576.0);
    }
}
