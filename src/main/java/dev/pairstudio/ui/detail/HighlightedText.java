package dev.pairstudio.ui.detail;

import dev.pairstudio.privacy.Replacement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Builds text flows for display: SQL with syntax colours, and the before/after sides of the
 * anonymization preview with each finding in its type's colour on both sides.
 */
public final class HighlightedText {
    private HighlightedText() {}

    public static TextFlow sql(String sql, String databaseType) {
        return sql(sql, databaseType, List.of());
    }

    /** SQL with syntax colours and the search's matches ({@code [start, end)} spans in order) marked. */
    public static TextFlow sql(String sql, String databaseType, List<int[]> matches) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("sql-text");
        for (SqlHighlighter.Run run : SqlHighlighter.runs(sql, databaseType)) {
            String style = "sql-" + run.style().name().toLowerCase(Locale.ROOT);
            int pos = run.start();
            for (int[] m : matches) { // a run cut where a match starts or ends
                int from = Math.max(m[0], pos);
                int to = Math.min(m[1], run.end());
                if (from >= to) {
                    continue;
                }
                if (from > pos) {
                    flow.getChildren().add(sqlRun(sql.substring(pos, from), style));
                }
                flow.getChildren().add(searchMatch(sql.substring(from, to), true));
                pos = to;
            }
            if (pos < run.end()) {
                flow.getChildren().add(sqlRun(sql.substring(pos, run.end()), style));
            }
        }
        return flow;
    }

    private static Text sqlRun(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().addAll("sql-text", style);
        return t;
    }

    /** A plain text (a question) with the search's matches ({@code [start, end)} spans in order) marked. */
    public static TextFlow searched(String text, List<int[]> matches) {
        TextFlow flow = new TextFlow();
        int pos = 0;
        for (int[] m : matches) {
            if (m[0] < pos || m[1] > text.length()) {
                continue;
            }
            if (m[0] > pos) {
                flow.getChildren().add(plain(text.substring(pos, m[0]), false));
            }
            flow.getChildren().add(searchMatch(text.substring(m[0], m[1]), false));
            pos = m[1];
        }
        if (pos < text.length()) {
            flow.getChildren().add(plain(text.substring(pos), false));
        }
        return flow;
    }

    /** The marked matches of a flow made by {@link #sql} or {@link #searched}, each as drawn (tests, screen readers). */
    public static List<String> searchMatches(TextFlow flow) {
        return flow.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("search-match"))
                .map(n -> ((Label) n).getText())
                .toList();
    }

    private static Label searchMatch(String s, boolean monospace) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("search-match");
        if (monospace) {
            l.getStyleClass().add("monospace");
        }
        return l;
    }

    /**
     * One side of the preview. {@code after} selects the replacement offsets; otherwise the
     * original offsets are used. A finding is drawn as several marks that the flow may wrap
     * between ({@link #breakable}), so a long e-mail address stays inside its column; a quote
     * right before or after a finding is glued to it, so an SQL quote never sits on a line alone.
     */
    public static TextFlow findings(String text, List<Replacement> replacements, boolean after, boolean monospace) {
        TextFlow flow = new TextFlow();
        if (monospace) {
            flow.getStyleClass().add("sql-text");
        }
        List<Replacement> sorted = replacements.stream()
                .sorted(Comparator.comparingInt(r -> after ? r.afterStart() : r.start()))
                .toList();
        int pos = 0;
        for (Replacement r : sorted) {
            int start = after ? r.afterStart() : r.start();
            int end = after ? r.afterEnd() : r.end();
            if (start < pos || end > text.length()) {
                continue; // never draw a broken span; the findings list still names it
            }
            int open = start > pos && isQuote(text.charAt(start - 1)) ? start - 1 : start;
            if (open > pos) {
                flow.getChildren().add(plain(text.substring(pos, open), monospace));
            }
            int close = end < text.length() && isQuote(text.charAt(end)) ? end + 1 : end;
            flow.getChildren()
                    .addAll(marks(
                            text.substring(open, start),
                            text.substring(start, end),
                            text.substring(end, close),
                            r,
                            monospace));
            pos = close;
        }
        if (pos < text.length()) {
            flow.getChildren().add(plain(text.substring(pos), monospace));
        }
        return flow;
    }

    /** Longest piece of a finding without a break opportunity: a 20-character token still fits a narrow column. */
    private static final int MAX_PIECE = 20;

    /**
     * A value cut after each {@code @ . + -} (and white space), and every {@value #MAX_PIECE}
     * characters inside longer runs: the places a line may break inside an address or a number.
     */
    static List<String> breakable(String value) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean breakAfter = c == '@' || c == '.' || c == '+' || c == '-' || Character.isWhitespace(c);
            if (breakAfter || i + 1 - from == MAX_PIECE) {
                pieces.add(value.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < value.length()) {
            pieces.add(value.substring(from));
        }
        return pieces;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    /** The marks of one finding; {@code before} and {@code after} (a quote or nothing) glued to its first and last piece. */
    private static List<Node> marks(String before, String value, String after, Replacement r, boolean monospace) {
        List<String> pieces = breakable(value);
        List<Node> nodes = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Node piece = mark(pieces.get(i), r, monospace);
            if (pieces.size() > 1) { // drawn as one mark: no padding or rounding where two pieces meet
                piece.getStyleClass().add(i == 0 ? "piece-start" : i == pieces.size() - 1 ? "piece-end" : "piece");
            }
            String left = i == 0 ? before : "";
            String right = i == pieces.size() - 1 ? after : "";
            if (!left.isEmpty() || !right.isEmpty()) {
                HBox glued = new HBox();
                glued.setAlignment(Pos.BASELINE_LEFT);
                if (!left.isEmpty()) {
                    glued.getChildren().add(plain(left, monospace));
                }
                glued.getChildren().add(piece);
                if (!right.isEmpty()) {
                    glued.getChildren().add(plain(right, monospace));
                }
                piece = glued;
            }
            nodes.add(piece);
        }
        return nodes;
    }

    /** The findings' values as drawn in a flow made by {@link #findings}, each put together from its pieces (tests, screen readers). */
    public static List<String> markedValues(TextFlow flow) {
        List<String> values = new ArrayList<>();
        StringBuilder current = null;
        Object finding = null;
        for (Node n : flow.getChildren()) {
            Label l = n instanceof Label label
                    ? label
                    : n instanceof HBox box
                            ? (Label) box.getChildren().stream()
                                    .filter(Label.class::isInstance)
                                    .findFirst()
                                    .orElse(null)
                            : null;
            if (l == null || !l.getStyleClass().contains("finding")) {
                finding = null;
                continue;
            }
            if (finding == null || finding != l.getUserData()) {
                current = new StringBuilder();
                values.add(null);
            }
            finding = l.getUserData();
            current.append(l.getText());
            values.set(values.size() - 1, current.toString());
        }
        return values;
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
        for (Span sp :
                spans.stream().sorted(Comparator.comparingInt(Span::start)).toList()) {
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
    public record Span(int start, int end, String tooltip) {}

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
        l.setUserData(r); // the pieces of one finding share it
        l.setMinWidth(Region.USE_PREF_SIZE); // a piece is never cut to "…"
        l.getStyleClass().addAll("finding", styleClass(r.type().label()));
        if (monospace) {
            l.getStyleClass().add("monospace");
        }
        l.setTooltip(
                new Tooltip(r.finding().reason() + " — " + r.operator().name().toLowerCase(Locale.ROOT)));
        return l;
    }
}
