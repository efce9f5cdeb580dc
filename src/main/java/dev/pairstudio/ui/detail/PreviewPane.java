package dev.pairstudio.ui.detail;

import dev.pairstudio.privacy.AnonymizedPair;
import dev.pairstudio.privacy.AnonymizedText;
import dev.pairstudio.privacy.Replacement;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The anonymization preview: before and after side by side for the question, the SQL and the
 * database name, each finding in its type's colour on both sides, a legend, the policy's name,
 * and per finding "Not PII" (allow-list) and "Always anonymize" (deny-list).
 */
public final class PreviewPane extends ScrollPane {
    private final VBox content = new VBox(8);
    private final Label policyLabel = new Label();
    /**
     * Narrowest a side may be: an e-mail address broken at its dots still reads on a few lines.
     * Two of them beside the row names, the gaps and a scroll bar need about 480 px; below that the sides stack.
     */
    private static final double MIN_COLUMN = 170;

    static final double STACK_BELOW = 2 * MIN_COLUMN + 140;
    private AnonymizedPair shown;
    private boolean stacked;
    private Consumer<String> onAllow = v -> {};
    private Consumer<String> onDeny = v -> {};

    public PreviewPane() {
        setId("preview-pane");
        setFitToWidth(true);
        content.setPadding(new Insets(10));
        policyLabel.setId("preview-policy");
        policyLabel.getStyleClass().add("muted");
        setContent(content);
        widthProperty().addListener((o, was, now) -> relayoutIfNeeded());
        showEmpty("Select a pair to see what an export would write.");
    }

    /** Called with the original value of a finding the user marks as not personal data. */
    public void setOnAllow(Consumer<String> handler) {
        onAllow = handler;
    }

    /** Called with the original value of a finding the user wants always anonymized. */
    public void setOnDeny(Consumer<String> handler) {
        onDeny = handler;
    }

    public void showEmpty(String message) {
        Label l = new Label(message);
        l.getStyleClass().add("empty-state");
        l.setWrapText(true);
        shown = null;
        content.getChildren().setAll(title(), l);
    }

    public void show(AnonymizedPair result, String policyName) {
        shown = result;
        policyLabel.setText("Policy: " + policyName);
        stacked = isNarrow();
        content.getChildren()
                .setAll(title(), policyLabel, legend(result.findings()), grid(result), findingsList(result));
    }

    /** Whether before and after are drawn one above the other (tests). */
    public boolean isStacked() {
        return stacked;
    }

    /** Too narrow for two columns of {@link #MIN_COLUMN}: then before and after stack. */
    private boolean isNarrow() {
        double width = getWidth() > 0 ? getWidth() : getPrefWidth();
        return width > 0 && width < STACK_BELOW;
    }

    private void relayoutIfNeeded() {
        if (shown != null && isNarrow() != stacked) {
            stacked = !stacked;
            int at = content.getChildren().indexOf(content.lookup("#preview-grid"));
            if (at >= 0) {
                content.getChildren().set(at, grid(shown));
            }
        }
    }

    private GridPane grid(AnonymizedPair result) {
        GridPane grid = new GridPane();
        grid.setId("preview-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        if (stacked) {
            grid.getColumnConstraints().addAll(label, side());
        } else {
            grid.getColumnConstraints().addAll(label, side(), side());
            grid.add(bold("Before"), 1, 0);
            grid.add(bold("After"), 2, 0);
        }
        int row = stacked ? 0 : 1;
        row = addRow(grid, row, "Question", result.question(), false, "question");
        row = addRow(grid, row, "SQL", result.sql(), true, "sql");
        if (result.databaseName() != null) {
            addRow(grid, row, "Database", result.databaseName(), false, "database");
        }
        return grid;
    }

    private int addRow(GridPane grid, int row, String name, AnonymizedText text, boolean monospace, String id) {
        grid.add(bold(name), 0, row);
        var before = HighlightedText.findings(text.before(), text.replacements(), false, monospace);
        before.setId("before-" + id);
        var after = HighlightedText.findings(text.after(), text.replacements(), true, monospace);
        after.setId("after-" + id);
        for (var flow : List.of(before, after)) {
            flow.setMinWidth(0);
            flow.setPrefWidth(1); // let the column percentages decide, and wrap inside them
        }
        if (!stacked) {
            grid.add(before, 1, row);
            grid.add(after, 2, row);
            return row + 1;
        }
        grid.add(new VBox(2, muted("Before"), before), 1, row);
        grid.add(new VBox(2, muted("After"), after), 1, row + 1);
        return row + 2;
    }

    /** A side (before or after) takes an equal share of the width, never less than {@link #MIN_COLUMN}. */
    private static ColumnConstraints side() {
        ColumnConstraints c = new ColumnConstraints(MIN_COLUMN, 100, Double.MAX_VALUE);
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("muted");
        return l;
    }

    private static FlowPane legend(List<Replacement> findings) {
        FlowPane legend = new FlowPane(6, 4);
        legend.setId("preview-legend");
        TreeSet<String> types = new TreeSet<>();
        findings.forEach(r -> types.add(r.type().label()));
        if (types.isEmpty()) {
            Label none = new Label("No personal data found in this pair.");
            none.getStyleClass().add("muted");
            legend.getChildren().add(none);
        }
        for (String t : types) {
            Label l = new Label(t);
            l.getStyleClass().addAll("finding", HighlightedText.styleClass(t), "legend-item");
            legend.getChildren().add(l);
        }
        return legend;
    }

    private VBox findingsList(AnonymizedPair result) {
        VBox list = new VBox(4);
        list.setId("preview-findings");
        for (Replacement r : result.findings()) {
            AnonymizedText side = switch (r.field()) {
                case QUESTION -> result.question();
                case SQL -> result.sql();
                default -> result.databaseName();
            };
            if (side == null) {
                continue;
            }
            String original = side.before().substring(r.start(), r.end());
            String replacement = side.after().substring(r.afterStart(), r.afterEnd());
            Label what = new Label(
                    r.finding().reason() + " in " + r.field().jsonName() + ": " + original + "  →  " + replacement);
            what.getStyleClass()
                    .addAll("finding", HighlightedText.styleClass(r.type().label()));
            HBox.setHgrow(what, Priority.ALWAYS);
            what.setMaxWidth(Double.MAX_VALUE);
            what.setMinWidth(0);
            what.setPrefWidth(1);
            what.setWrapText(true);
            Button allow = new Button("Not PII");
            allow.setMinWidth(Region.USE_PREF_SIZE);
            allow.getStyleClass().add("small");
            allow.setOnAction(e -> onAllow.accept(original));
            Button deny = new Button("Always anonymize");
            deny.setMinWidth(Region.USE_PREF_SIZE);
            deny.getStyleClass().add("small");
            deny.setOnAction(e -> onDeny.accept(original));
            HBox line = new HBox(6, what, allow, deny);
            line.getStyleClass().add("finding-row");
            line.setId("finding-" + r.field().jsonName() + "-" + r.start());
            list.getChildren().add(line);
        }
        return list;
    }

    private static Label title() {
        Label t = new Label("Anonymization preview");
        t.getStyleClass().add("section-title");
        return t;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("filter-heading");
        return l;
    }
}
