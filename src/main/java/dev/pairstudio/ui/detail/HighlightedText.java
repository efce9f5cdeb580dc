package dev.pairstudio.ui.detail;

import dev.pairstudio.privacy.Replacement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Builds text flows for display: SQL with syntax colours, and the before/after sides of the
 * anonymization preview with each finding in its type's colour on both sides.
 */
public final class HighlightedText {
    private HighlightedText() {
    }

    public static TextFlow sql(String sql, String databaseType) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("sql-text");
        for (SqlHighlighter.Run run : SqlHighlighter.runs(sql, databaseType)) {
            Text t = new Text(sql.substring(run.start(), run.end()));
            t.getStyleClass().addAll("sql-text", "sql-" + run.style().name().toLowerCase(Locale.ROOT));
            flow.getChildren().add(t);
        }
        return flow;
    }

    /**
     * One side of the preview. {@code after} selects the replacement offsets; otherwise the
     * original offsets are used.
     */
    public static TextFlow findings(String text, List<Replacement> replacements, boolean after, boolean monospace) {
        TextFlow flow = new TextFlow();
        if (monospace) {
            flow.getStyleClass().add("sql-text");
        }
        List<Replacement> sorted = replacements.stream()
                .sorted(Comparator.comparingInt(r -> after ? r.afterStart() : r.start())).toList();
        int pos = 0;
        for (Replacement r : sorted) {
            int start = after ? r.afterStart() : r.start();
            int end = after ? r.afterEnd() : r.end();
            if (start < pos || end > text.length()) {
                continue; // never draw a broken span; the findings list still names it
            }
            if (start > pos) {
                flow.getChildren().add(plain(text.substring(pos, start), monospace));
            }
            flow.getChildren().add(mark(text.substring(start, end), r, monospace));
            pos = end;
        }
        if (pos < text.length()) {
            flow.getChildren().add(plain(text.substring(pos), monospace));
        }
        return flow;
    }

    /**
     * A text with the parts that schema checks point at marked ({@code spans}: start, end, tooltip),
     * overlapping or out-of-range spans left unmarked.
     */
    public static TextFlow issues(String text, List<Span> spans, boolean monospace) {
        TextFlow flow = new TextFlow();
        if (monospace) {
            flow.getStyleClass().add("sql-text");
        }
        int pos = 0;
        for (Span sp : spans.stream().sorted(Comparator.comparingInt(Span::start)).toList()) {
            if (sp.start() < pos || sp.end() > text.length() || sp.start() >= sp.end()) {
                continue;
            }
            if (sp.start() > pos) {
                flow.getChildren().add(plain(text.substring(pos, sp.start()), monospace));
            }
            Label l = new Label(text.substring(sp.start(), sp.end()));
            l.getStyleClass().add("schema-issue");
            if (monospace) {
                l.getStyleClass().add("monospace");
            }
            l.setTooltip(new Tooltip(sp.tooltip()));
            flow.getChildren().add(l);
            pos = sp.end();
        }
        if (pos < text.length()) {
            flow.getChildren().add(plain(text.substring(pos), monospace));
        }
        return flow;
    }

    /** A marked part of a text: {@code [start, end)} and what the mark says. */
    public record Span(int start, int end, String tooltip) {
    }

    public static String styleClass(String typeLabel) {
        String t = typeLabel.startsWith("CUSTOM") ? "custom" : typeLabel.toLowerCase(Locale.ROOT);
        return "finding-" + t;
    }

    private static Node plain(String s, boolean monospace) {
        Text t = new Text(s);
        t.getStyleClass().add(monospace ? "sql-plain" : "plain-text");
        return t;
    }

    private static Node mark(String s, Replacement r, boolean monospace) {
        Label l = new Label(s);
        l.getStyleClass().addAll("finding", styleClass(r.type().label()));
        if (monospace) {
            l.getStyleClass().add("monospace");
        }
        l.setTooltip(new Tooltip(r.finding().reason() + " — " + r.operator().name().toLowerCase(Locale.ROOT)));
        return l;
    }
}
