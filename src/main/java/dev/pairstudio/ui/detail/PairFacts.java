package dev.pairstudio.ui.detail;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.ui.pairs.FlagLabels;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The detail pane's facts about a pair, as name/value grids: what analysis found, and where the pair came from. */
final class PairFacts {
    private PairFacts() {}

    /** Type, tables, complexity, flags, parser error, PII types, and a link to the duplicate group when it has one. */
    static Node analysis(StoredPair p, Consumer<Long> onShowGroup) {
        PairAnalysis a = p.analysis();
        GridPane g = grid();
        int r = 0;
        row(
                g,
                r++,
                "Type",
                a.queryType() == null ? "not analysed yet" : a.queryType().name());
        row(
                g,
                r++,
                "Tables",
                p.pair().tableNames().isEmpty()
                        ? "—"
                        : String.join(", ", p.pair().tableNames()));
        row(
                g,
                r++,
                "Complexity",
                a.complexity() == null ? "—" : title(a.complexity().name()));
        row(
                g,
                r++,
                "Flags",
                a.flags().isEmpty()
                        ? "none"
                        : a.flags().stream().map(FlagLabels::longLabel).collect(Collectors.joining(", ")));
        if (a.parseError() != null) {
            row(g, r++, "Parser", a.parseError());
        }
        if (!a.piiTypes().isEmpty()) {
            row(g, r++, "PII", String.join(", ", a.piiTypes()));
        }
        if (a.duplicateGroup() != null
                && (a.has(QualityFlag.DUPLICATE) || a.has(QualityFlag.CONFLICT) || a.has(QualityFlag.NEAR_DUPLICATE))) {
            Hyperlink group = new Hyperlink("Show duplicate group " + a.duplicateGroup());
            group.setId("show-group");
            group.setOnAction(e -> onShowGroup.accept(a.duplicateGroup()));
            g.add(new Label("Group"), 0, r);
            g.add(group, 1, r);
        }
        return g;
    }

    /** Timestamp, database, execution, where it came from, and the seed's free-form metadata. */
    static Node metadata(StoredPair p) {
        Pair pair = p.pair();
        GridPane g = grid();
        int r = 0;
        row(g, r++, "Timestamp", Timestamps.format(pair.timestamp()) + " UTC");
        row(g, r++, "Database", orDash(pair.databaseName()) + " (" + orDash(pair.databaseType()) + ")");
        row(
                g,
                r++,
                "Execution",
                (pair.success() ? "succeeded" : "failed")
                        + (pair.executionTimeMs() == null
                                ? ""
                                : " in " + pair.executionTimeMs().toPlainString() + " ms"));
        row(
                g,
                r++,
                "Source",
                title(p.source().name()) + (p.importBatch() == null ? "" : " · batch " + p.importBatch()));
        if (!pair.metadata().isEmpty()) {
            row(
                    g,
                    r,
                    "Metadata",
                    pair.metadata().entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", ")));
        }
        return g;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        return g;
    }

    private static void row(GridPane g, int r, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("muted");
        n.setMinWidth(Region.USE_PREF_SIZE); // the value wraps, the name never shortens
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMinWidth(0);
        g.add(n, 0, r);
        g.add(v, 1, r);
    }

    /** "ACCEPTED" -> "Accepted". */
    static String title(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    static String orDash(String s) {
        return s == null ? "—" : s;
    }
}
