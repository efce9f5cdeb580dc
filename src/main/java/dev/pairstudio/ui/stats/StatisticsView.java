package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The statistics dashboard for the current filter: headline figures and charts that follow the
 * shared {@link FilterViewModel}, computed in the background (debounced, stale results dropped).
 * Clicking a bar or a slice narrows the filter to it through the same view-model, so the pair
 * table follows; the breadcrumb above the charts undoes drill-downs. Each chart saves as PNG and
 * copies its numbers as CSV; the whole dashboard saves as one PNG or a self-contained HTML report.
 *
 * <p>Embedding: add it to a {@code Tab} (or a {@code Stage}'s scene) and call
 * {@link #setActive(boolean)} with whether it is showing; while hidden it does not query, and the
 * first activation loads. {@link #dispose()} when the window closes. It adds {@code pair-studio.css}
 * itself; in a separate Stage call {@code Theme.apply(view, dark)} for the dark theme.
 */
public final class StatisticsView extends BorderPane {

    private final FilterViewModel filters;
    private final TaskRunner tasks;
    private final DrillDown drill;
    private final StatisticsLoader loader;
    private final ChangeListener<PairFilter> onFilter;
    private final Map<String, ChartCard> cards = new LinkedHashMap<>();
    private final Map<String, Label> headlineValues = new LinkedHashMap<>();
    private final Map<String, Label> headlineDetails = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<DashboardData> data = new ReadOnlyObjectWrapper<>();
    private final HBox breadcrumb = new HBox(4);
    private final Label status = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final VBox content = new VBox(12);
    private final GridPane grid = new GridPane();
    private final Label empty = new Label("No pairs match this filter.");
    private final DashboardFiles files;
    private boolean active;
    private boolean stale = true;

    public StatisticsView(Database store, FilterViewModel filters, TaskRunner tasks) {
        this(store, filters, tasks, Duration.millis(200));
    }

    StatisticsView(Database store, FilterViewModel filters, TaskRunner tasks, Duration debounce) {
        this.filters = filters;
        this.tasks = tasks;
        this.drill = new DrillDown(filters);
        this.loader = new StatisticsLoader(store, tasks, debounce, this::show, this::failed);
        this.files = new DashboardFiles(
                tasks, content, this::card, cards.values(), data::get, this::filterDescription, status, this::failed);
        getStyleClass().add("stats-view");
        setId("statistics-view");
        getStylesheets()
                .add(Objects.requireNonNull(StatisticsView.class.getResource("/dev/pairstudio/ui/pair-studio.css"))
                        .toExternalForm());

        setTop(toolbar());
        content.getChildren().addAll(headline(), empty, charts());
        content.getStyleClass().add("stats-content");
        content.setPadding(new Insets(12));
        empty.getStyleClass().add("empty-state");
        empty.setVisible(false);
        empty.setManaged(false);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("stats-scroll");
        scroll.setId("stats-scroll");
        // the viewport, not the content: content as wide as three columns' minimum would never go back to two
        scroll.viewportBoundsProperty()
                .addListener((o, was, now) -> arrange(now.getWidth() < THREE_COLUMNS_FROM ? 2 : 3));
        setCenter(scroll);

        onFilter = (o, a, b) -> {
            if (active) {
                loader.request(b);
            } else {
                stale = true;
            }
        };
        filters.filterProperty().addListener(onFilter);
        drill.steps().addListener((ListChangeListener<DrillDown.Step>) c -> renderBreadcrumb());
        renderBreadcrumb();
        progress.visibleProperty().bind(loader.busyProperty());
    }

    // ---- embedding ----

    /** Whether the dashboard is showing: while not, filter changes only mark it stale. */
    public void setActive(boolean showing) {
        active = showing;
        if (showing && stale) {
            stale = false;
            loader.requestNow(filters.filter());
        }
    }

    /** Recomputes now for the current filter (after imports or curation change the data). */
    public void refresh() {
        if (!active) {
            stale = true; // computed when the view is shown: curation in the table never waits for charts
            return;
        }
        stale = false;
        loader.requestNow(filters.filter());
    }

    public void dispose() {
        filters.filterProperty().removeListener(onFilter);
        drill.dispose();
        loader.dispose();
    }

    /** The numbers on screen (null before the first result; see {@link DashboardData#complete()}). */
    public ReadOnlyObjectProperty<DashboardData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** True while a computation for the latest filter is pending. */
    public ReadOnlyBooleanProperty busyProperty() {
        return loader.busyProperty();
    }

    public DrillDown drillDown() {
        return drill;
    }

    public List<String> chartIds() {
        return List.copyOf(cards.keySet());
    }

    /** The numbers behind a chart, or null before the first result. */
    public ChartNumbers numbers(String chartId) {
        return card(chartId).numbers();
    }

    /** The numbers behind a chart as CSV (header, then one line per bar, slice or day). */
    public String csv(String chartId) {
        ChartNumbers n = numbers(chartId);
        return n == null ? "" : n.csv();
    }

    /** Puts {@link #csv} on the clipboard as plain text. */
    public void copyCsv(String chartId) {
        ClipboardContent c = new ClipboardContent();
        c.putString(csv(chartId));
        Clipboard.getSystemClipboard().setContent(c);
        status.setText("Copied the numbers of \"" + card(chartId).numbers().title() + "\" as CSV");
    }

    /** Saves one chart as PNG: the snapshot now (FX thread), encoding and the atomic write in the background. */
    public CompletableFuture<Path> saveChart(String chartId, Path target) {
        return files.saveChart(chartId, target);
    }

    /** Saves the whole dashboard (headline and every chart) as one PNG. */
    public CompletableFuture<Path> saveDashboardPng(Path target) {
        return files.saveDashboardPng(target);
    }

    /** Saves a self-contained HTML report: headline and per-chart tables, chart images inlined as base64 PNG. */
    public CompletableFuture<Path> saveHtmlReport(Path target) {
        return files.saveHtmlReport(target);
    }

    /** The bar or slice drawn for {@code key} in a chart (for tests and keyboard users), null when none. */
    Node drillNode(String chartId, String key) {
        return card(chartId).drillNode(key);
    }

    ChartCard card(String chartId) {
        ChartCard c = cards.get(chartId);
        if (c == null) {
            throw new IllegalArgumentException("no chart " + chartId + "; charts: " + cards.keySet());
        }
        return c;
    }

    // ---- layout ----

    private Node toolbar() {
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.setId("drill-breadcrumb");
        breadcrumb.getStyleClass().add("stats-breadcrumb");
        HBox.setHgrow(breadcrumb, Priority.ALWAYS);
        status.setId("stats-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.getStyleClass().add("muted");
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        Button refresh = button("Refresh", Feather.REFRESH_CW, "Recompute the statistics", "stats-refresh");
        refresh.setOnAction(e -> refresh());
        Button png = button("PNG…", Feather.IMAGE, "Save the whole dashboard as one PNG image", "stats-save-png");
        png.setOnAction(e -> files.prompt("statistics-dashboard.png", "PNG image", "*.png", this::saveDashboardPng));
        Button html = button(
                "HTML report…",
                Feather.FILE_TEXT,
                "Save a self-contained HTML report: the numbers and every chart",
                "stats-save-html");
        html.setOnAction(e -> files.prompt("statistics-report.html", "HTML report", "*.html", this::saveHtmlReport));
        HBox bar = new HBox(8, breadcrumb, status, progress, refresh, png, html);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("stats-toolbar");
        return bar;
    }

    private static Button button(String text, Feather icon, String tip, String id) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE); // the hint and the status give way first, never a button's label
        return b;
    }

    private Node headline() {
        FlowPane tiles = new FlowPane(10, 10);
        tiles.setId("stats-headline");
        tiles.getStyleClass().add("stats-headline");
        for (String[] h : new String[][] {
            {"pairs", "Pairs"},
            {"success-rate", "Success rate"},
            {"accepted", "Accepted"},
            {"rejected", "Rejected"},
            {"unreviewed", "Unreviewed"},
            {"duplicates", "Duplicates"},
            {"conflicts", "Conflicts"},
            {"pii", "Pairs with PII"},
            {"unique-tables", "Unique tables"},
            {"schema-valid", "Valid vs schema"}
        }) {
            Label value = new Label("…");
            value.setId("headline-" + h[0]);
            value.getStyleClass().add("stats-tile-value");
            Label label = new Label(h[1]);
            label.getStyleClass().add("stats-tile-label");
            Label detail = new Label(" ");
            detail.getStyleClass().add("stats-tile-detail");
            VBox tile = new VBox(2, label, value, detail);
            tile.getStyleClass().addAll("stats-tile", "stats-tile-" + h[0]);
            headlineValues.put(h[0], value);
            headlineDetails.put(h[0], detail);
            tiles.getChildren().add(tile);
        }
        return tiles;
    }

    /** Below this width of the dashboard the charts go two to a row: a third of it cuts a card's legend. */
    private static final double THREE_COLUMNS_FROM = 900;

    private Node charts() {
        grid.setHgap(12);
        grid.setVgap(12);
        grid.getStyleClass().add("stats-grid");
        card(DashboardCharts.PAIRS_PER_DAY, "Pairs per day and success rate", 400);
        card(DashboardCharts.REVIEW_STATUS, "Review status", 400);
        card(DashboardCharts.QUERY_TYPES, "Query types", 300);
        card(DashboardCharts.DATABASE_TYPES, "Database types", 300);
        card(DashboardCharts.COMPLEXITY, "Complexity", 300);
        card(DashboardCharts.QUESTION_LENGTH, "Question length", 300);
        card(DashboardCharts.SQL_LENGTH, "SQL length", 300);
        card(DashboardCharts.PII_TYPES, "PII findings per type", 300);
        card(DashboardCharts.TOP_TABLES, "Top 20 tables", 520);
        arrange(3);
        return grid;
    }

    private void card(String id, String title, double height) {
        ChartCard card = new ChartCard(id, title, files::promptSaveChart, c -> copyCsv(c.chartId()));
        card.setPrefHeight(height);
        card.setMinHeight(height);
        card.setMinWidth(Region.USE_PREF_SIZE);
        card.setPrefWidth(200);
        cards.put(id, card);
    }

    /**
     * The cards in {@code columns} columns, in the order they were made: the pairs per day and
     * the top tables span a whole row (the day chart two columns of three), the others one column.
     */
    private void arrange(int columns) {
        if (grid.getColumnConstraints().size() == columns) {
            return;
        }
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        int col = 0;
        int row = 0;
        for (Map.Entry<String, ChartCard> e : cards.entrySet()) {
            int span = e.getKey().equals(DashboardCharts.TOP_TABLES)
                    ? columns
                    : e.getKey().equals(DashboardCharts.PAIRS_PER_DAY) ? Math.min(2, columns) : 1;
            if (col + span > columns) {
                col = 0;
                row++;
            }
            grid.add(e.getValue(), col, row, span, 1);
            col += span;
        }
    }

    /** A card of horizontal bars as tall as its rows need. */
    private static void fitHeight(ChartCard card, int rows) {
        double height = Math.max(200, 130 + 24.0 * rows);
        card.setPrefHeight(height);
        card.setMinHeight(height);
    }

    private void renderBreadcrumb() {
        List<Node> nodes = new ArrayList<>();
        List<DrillDown.Step> steps = drill.steps();
        if (steps.isEmpty()) {
            Label hint = new Label("Click a bar, a slice or a day to narrow the filter to it.");
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            nodes.add(hint);
        } else {
            Hyperlink root = new Hyperlink("Filter");
            root.setId("crumb-0");
            root.setTooltip(new Tooltip("Undo every drill-down"));
            root.setOnAction(e -> drill.undoFrom(0));
            nodes.add(root);
            for (int i = 0; i < steps.size(); i++) {
                Label sep = new Label("›");
                sep.getStyleClass().add("muted");
                nodes.add(sep);
                int level = i + 1;
                if (i == steps.size() - 1) {
                    Label current = new Label(steps.get(i).label());
                    current.setId("crumb-" + level);
                    current.getStyleClass().add("stats-crumb-current");
                    nodes.add(current);
                } else {
                    Hyperlink link = new Hyperlink(steps.get(i).label());
                    link.setId("crumb-" + level);
                    link.setTooltip(new Tooltip("Go back to this drill-down"));
                    link.setOnAction(e -> drill.undoFrom(level));
                    nodes.add(link);
                }
            }
            Button back = new Button(null, new FontIcon(Feather.CORNER_UP_LEFT));
            back.setId("drill-back");
            back.getStyleClass().addAll("flat", "small");
            back.setTooltip(new Tooltip("Undo the last drill-down"));
            back.setOnAction(e -> drill.back());
            nodes.add(back);
        }
        breadcrumb.getChildren().setAll(nodes);
    }

    // ---- results ----

    private void show(DashboardData d) {
        for (DashboardCharts.Headline h : DashboardCharts.headlines(d)) {
            headlineValues.get(h.id()).setText(h.value());
            headlineDetails.get(h.id()).setText(h.detail().isEmpty() ? " " : h.detail());
        }
        boolean none = d.stats().totalPairs() == 0;
        empty.setVisible(none);
        empty.setManaged(none);
        grid.setVisible(!none);
        grid.setManaged(!none);
        Charts.Drill onDrill = drill::narrow;
        DashboardData before = data.get();
        boolean completing = d.complete()
                && before != null
                && !before.complete()
                && before.filter().equals(d.filter());
        for (ChartNumbers n : DashboardCharts.charts(d)) {
            if (completing
                    && !n.id().equals(DashboardCharts.DATABASE_TYPES)
                    && !n.id().equals(DashboardCharts.PAIRS_PER_DAY)) {
                continue; // the extras change only these two
            }
            ChartCard card = cards.get(n.id());
            if (!d.complete() && n.id().equals(DashboardCharts.DATABASE_TYPES)) {
                card.showPending(n);
                continue;
            }
            Charts.Built built = n.rows().isEmpty()
                    ? new Charts.Built(new Region(), Map.of())
                    : switch (n.id()) {
                        case DashboardCharts.PAIRS_PER_DAY -> Charts.perDay(n, onDrill);
                        case DashboardCharts.REVIEW_STATUS ->
                            Charts.stackedBar(n, DashboardCharts.reviewed(n), onDrill);
                        case DashboardCharts.DATABASE_TYPES -> Charts.pie(n, onDrill);
                        case DashboardCharts.QUERY_TYPES -> Charts.horizontalBars(n, "query type", "pairs", onDrill);
                        case DashboardCharts.COMPLEXITY -> Charts.bars(n, "complexity level", "pairs", onDrill);
                        case DashboardCharts.QUESTION_LENGTH ->
                            Charts.bars(n, "characters", "pairs", onDrill); // the card's title names the length
                        case DashboardCharts.SQL_LENGTH -> Charts.bars(n, "characters", "pairs", onDrill);
                        case DashboardCharts.PII_TYPES ->
                            Charts.bars(n, "finding type", "pairs with a finding", onDrill);
                        case DashboardCharts.TOP_TABLES ->
                            Charts.horizontalBars(n, "table", "pairs referencing the table", onDrill);
                        default -> throw new IllegalStateException(n.id());
                    };
            card.show(n, built.node(), built.drillNodes());
            if (n.id().equals(DashboardCharts.TOP_TABLES)) {
                fitHeight(card, n.rows().size()); // eight tables in a card sized for twenty left it half empty
            }
        }
        data.set(d);
        status.getStyleClass().remove("field-error");
        status.setText(Plural.of(d.stats().totalPairs(), "pair") + " · "
                + (d.complete() ? (d.statisticsMillis() + d.extrasMillis()) + " ms" : "counting…"));
    }

    private void failed(Throwable e) {
        if (!status.getStyleClass().contains("field-error")) {
            status.getStyleClass().add("field-error");
        }
        status.setText("Could not compute the statistics: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private String filterDescription() {
        String chips = filters.chips().stream().map(FilterViewModel.Chip::label).collect(Collectors.joining(", "));
        return chips.isEmpty() ? "all pairs" : chips;
    }
}
