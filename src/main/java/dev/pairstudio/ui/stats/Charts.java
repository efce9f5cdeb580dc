package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.Plural;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Builds the JavaFX charts from {@link ChartNumbers}. No colours here: series, bars and slices get
 * style classes and the stylesheet colours them (Okabe-Ito, light and dark). Charts are built
 * afresh for every result (no animation), which sidesteps CategoryAxis's stale-category bugs and
 * costs a few milliseconds.
 */
final class Charts {
    /** Called with the chart's dimension, the drill key and the label shown. */
    interface Drill {
        void to(Dimension dimension, String key, String shown);
    }

    /** A chart and its drillable nodes by key. */
    record Built(Node node, Map<String, Node> drillNodes) {}

    private static final double Y_AXIS_WIDTH = 64;
    private static final double MAX_BAR = 64;

    private Charts() {}

    static Built bars(ChartNumbers n, String categoryLabel, String valueLabel, Drill drill) {
        CategoryAxis x = new CategoryAxis(FXCollections.observableArrayList(
                n.rows().stream().map(ChartNumbers.Row::label).toList()));
        x.setLabel(categoryLabel);
        if (n.rows().size() > 5) {
            x.setTickLabelRotation(-90); // keeps every label: a slanted or upright axis hides those that overlap
        }
        NumberAxis y = countAxis(valueLabel);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        style(chart, n);
        int categories = n.rows().size();
        // bars at most MAX_BAR wide: one or two categories would otherwise stretch across the whole chart
        x.widthProperty()
                .addListener((o, was, width) -> chart.setCategoryGap(
                        Math.max(categories > 6 ? 6 : 18, width.doubleValue() / categories - MAX_BAR)));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(valueLabel);
        for (ChartNumbers.Row r : n.rows()) {
            series.getData().add(new XYChart.Data<>(r.label(), r.count()));
        }
        chart.getData().add(series);
        return new Built(chart, hook(n, series.getData(), drill));
    }

    /** Horizontal bars, the first row at the top (long category names such as table names stay readable). */
    static Built horizontalBars(ChartNumbers n, String categoryLabel, String valueLabel, Drill drill) {
        List<String> labels =
                new ArrayList<>(n.rows().stream().map(ChartNumbers.Row::label).toList());
        Collections.reverse(labels);
        CategoryAxis y = new CategoryAxis(FXCollections.observableArrayList(labels));
        y.setLabel(categoryLabel);
        NumberAxis x = countAxis(valueLabel);
        x.setPrefWidth(Region.USE_COMPUTED_SIZE);
        x.setMinWidth(Region.USE_COMPUTED_SIZE);
        BarChart<Number, String> chart = new BarChart<>(x, y);
        style(chart, n);
        chart.setCategoryGap(3);
        chart.setBarGap(0);
        chart.setMaxHeight(80 + 24.0 * n.rows().size()); // a few rows stay bars, not slabs
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName(valueLabel);
        List<XYChart.Data<Number, String>> items = new ArrayList<>();
        for (ChartNumbers.Row r : n.rows()) {
            items.add(new XYChart.Data<>(r.count(), r.label()));
        }
        series.getData().addAll(items);
        chart.getData().add(series);
        return new Built(chart, hook(n, series.getData(), drill));
    }

    private static <A, B> Map<String, Node> hook(ChartNumbers n, List<XYChart.Data<A, B>> items, Drill drill) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        long total = n.total();
        for (int i = 0; i < items.size(); i++) {
            ChartNumbers.Row r = n.rows().get(i);
            Node node = items.get(i).getNode();
            if (node == null) {
                continue;
            }
            decorate(node, n, r, total, drill);
            if (r.key() != null) {
                nodes.put(r.key(), node);
            }
        }
        return nodes;
    }

    /**
     * One bar split by share (the review status: a pie of one big grey slice said little), a line
     * above it that sums it up ("241 of 601 reviewed"), and a legend with counts and shares; both
     * the segments and the legend rows drill down.
     */
    static Built stackedBar(ChartNumbers n, String summary, Drill drill) {
        long total = n.total();
        HBox bar = new HBox();
        bar.getStyleClass().add("stacked-bar");
        bar.setMinHeight(28);
        bar.setPrefHeight(28);
        VBox legend = new VBox(4);
        legend.getStyleClass().add("stacked-legend");
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (ChartNumbers.Row r : n.rows()) {
            String slice = "slice-"
                    + (r.key() == null
                            ? "none"
                            : r.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            double share = total == 0 ? 0 : (double) r.count() / total;
            if (r.count() > 0) {
                Region segment = new Region();
                segment.getStyleClass().addAll("stack-segment", slice);
                segment.setMinWidth(3); // a handful among thousands still shows
                segment.prefWidthProperty().bind(bar.widthProperty().multiply(share));
                decorate(segment, n, r, total, drill);
                bar.getChildren().add(segment);
                if (r.key() != null) {
                    nodes.put(r.key(), segment);
                }
            }
            Region swatch = new Region();
            swatch.getStyleClass().addAll("stack-swatch", slice);
            swatch.setMinSize(12, 12);
            swatch.setMaxSize(12, 12);
            Label name = new Label(r.label());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label figures = new Label(DashboardCharts.count(r.count())
                    + (total == 0 ? "" : String.format(Locale.ROOT, "  (%.1f %%)", 100.0 * share)));
            figures.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, swatch, name, gap, figures);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("stacked-legend-row");
            decorate(row, n, r, total, drill);
            legend.getChildren().add(row);
        }
        Label headline = new Label(summary);
        headline.getStyleClass().add("stacked-summary");
        headline.setWrapText(true);
        VBox box = new VBox(14, headline, bar, legend);
        box.setPadding(new Insets(8, 4, 4, 4));
        return new Built(box, nodes);
    }

    static Built pie(ChartNumbers n, Drill drill) {
        PieChart chart = new PieChart();
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setLabelsVisible(true);
        chart.setLabelLineLength(12);
        chart.setStartAngle(90);
        chart.setClockwise(true);
        chart.getStyleClass().addAll("stats-chart", "chart-" + n.id());
        List<ChartNumbers.Row> shown =
                n.rows().stream().filter(r -> r.count() > 0).toList();
        List<PieChart.Data> data = new ArrayList<>();
        for (ChartNumbers.Row r : shown) {
            data.add(new PieChart.Data(r.label() + " (" + DashboardCharts.count(r.count()) + ")", r.count()));
        }
        chart.getData().setAll(data);
        if (data.size() == 1) {
            chart.getStyleClass().add("single-slice"); // no seam in a full circle
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        long total = n.total();
        for (int i = 0; i < data.size(); i++) {
            ChartNumbers.Row r = shown.get(i);
            Node node = data.get(i).getNode();
            if (node == null) {
                continue;
            }
            node.getStyleClass()
                    .add("slice-"
                            + (r.key() == null
                                    ? "none"
                                    : r.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
            decorate(node, n, r, total, drill);
            if (r.key() != null) {
                nodes.put(r.key(), node);
            }
        }
        chart.setPrefSize(320, 240);
        chart.setMinSize(200, 180);
        return new Built(chart, nodes);
    }

    private static void decorate(Node node, ChartNumbers n, ChartNumbers.Row r, long total, Drill drill) {
        String share = total == 0 ? "" : String.format(Locale.ROOT, " (%.1f %%)", 100.0 * r.count() / total);
        boolean drillable = n.dimension().drillable() && r.key() != null;
        Tooltip tip = new Tooltip(r.label() + ": " + Plural.of(r.count(), "pair") + share
                + (drillable ? "\nClick to narrow the filter to it" : ""));
        Tooltip.install(node, tip);
        if (drillable) {
            node.getStyleClass().add("drillable");
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    e.consume();
                    tip.hide(); // the chart is rebuilt for the narrower filter: a tooltip left showing would float
                    drill.to(n.dimension(), r.key(), r.label());
                }
            });
        }
    }

    /**
     * Pairs per day (area) above the rolling success rate (line), on the same day axis; clicking
     * either narrows the filter to the day under the pointer (the nearest day with pairs).
     */
    static Built perDay(ChartNumbers n, Drill drill) {
        long first = LocalDate.parse(n.rows().get(0).key()).toEpochDay();
        long last = LocalDate.parse(n.rows().get(n.rows().size() - 1).key()).toEpochDay();
        NumberAxis x1 = dayAxis(first, last, false);
        NumberAxis y1 = countAxis("pairs per day");
        AreaChart<Number, Number> pairs = new AreaChart<>(x1, y1);
        pairs.setCreateSymbols(n.rows().size() <= 1);
        style(pairs, n);
        pairs.getStyleClass().add("pairs-per-day-chart");
        XYChart.Series<Number, Number> count = new XYChart.Series<>();
        count.setName("pairs");

        NumberAxis x2 = dayAxis(first, last, true);
        NumberAxis y2 = new NumberAxis("success (%)", 0, 100, 25);
        y2.setMinorTickVisible(false);
        y2.setPrefWidth(Y_AXIS_WIDTH);
        y2.setMinWidth(Y_AXIS_WIDTH);
        LineChart<Number, Number> rate = new LineChart<>(x2, y2);
        rate.setCreateSymbols(n.rows().size() <= 1);
        style(rate, n);
        rate.getStyleClass().add("success-rate-chart");
        XYChart.Series<Number, Number> success = new XYChart.Series<>();
        success.setName("success rate");

        List<XYChart.Data<Number, Number>> counts = new ArrayList<>();
        List<XYChart.Data<Number, Number>> rates = new ArrayList<>();
        TreeMap<Long, ChartNumbers.Row> byDay = new TreeMap<>();
        for (ChartNumbers.Row r : n.rows()) {
            long day = LocalDate.parse(r.key()).toEpochDay();
            byDay.put(day, r);
            counts.add(new XYChart.Data<>(day, r.count()));
            Number pct = r.values().get(2);
            if (pct != null) {
                rates.add(new XYChart.Data<>(day, pct));
            }
        }
        count.getData().setAll(counts);
        success.getData().setAll(rates);
        pairs.getData().add(count);
        rate.getData().add(success);
        pairs.setPrefHeight(200);
        rate.setPrefHeight(150);
        rate.setMinHeight(120);

        for (XYChart<Number, Number> c : List.of(pairs, rate)) {
            NumberAxis axis =
                    (NumberAxis) c.getXAxis(); // no tooltip: one over the whole chart floated after the drill-down
            c.setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                Node plot = c.lookup(".chart-plot-background");
                if (plot == null || !plot.contains(plot.sceneToLocal(e.getSceneX(), e.getSceneY()))) {
                    return;
                }
                Point2D p = axis.sceneToLocal(e.getSceneX(), e.getSceneY());
                long day = Math.round(axis.getValueForDisplay(p.getX()).doubleValue());
                ChartNumbers.Row row = nearest(byDay, day);
                if (row != null) {
                    e.consume();
                    drill.to(Dimension.DAY, row.key(), row.key());
                }
            });
        }
        Label caption = new Label("Area: pairs per day. Line: share of pairs that ran successfully over the "
                + DashboardCharts.ROLLING_DAYS + " days up to each day.");
        caption.getStyleClass().addAll("muted", "stats-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(0, caption, pairs, rate);
        box.getStyleClass().add("per-day-charts");
        return new Built(box, Map.of());
    }

    private static ChartNumbers.Row nearest(TreeMap<Long, ChartNumbers.Row> byDay, long day) {
        Map.Entry<Long, ChartNumbers.Row> lo = byDay.floorEntry(day);
        Map.Entry<Long, ChartNumbers.Row> hi = byDay.ceilingEntry(day);
        if (lo == null) {
            return hi == null ? null : hi.getValue();
        }
        if (hi == null) {
            return lo.getValue();
        }
        return day - lo.getKey() <= hi.getKey() - day ? lo.getValue() : hi.getValue();
    }

    private static NumberAxis dayAxis(long first, long last, boolean labelled) {
        long lo = first == last ? first - 1 : first;
        long hi = first == last ? last + 1 : last;
        NumberAxis x = new NumberAxis(lo, hi, dayTick(hi - lo));
        x.setMinorTickVisible(false);
        x.setForceZeroInRange(false);
        x.setTickLabelsVisible(labelled);
        x.setTickMarkVisible(labelled);
        if (labelled) {
            x.setLabel("day (UTC)");
        }
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number v) {
                return LocalDate.ofEpochDay(Math.round(v.doubleValue())).toString();
            }

            @Override
            public Number fromString(String s) {
                return LocalDate.parse(s).toEpochDay();
            }
        });
        return x;
    }

    private static double dayTick(long span) {
        long[] units = {1, 2, 7, 14, 30, 61, 91, 182, 365, 730};
        for (long u : units) {
            if (span / u <= 8) {
                return u;
            }
        }
        return Math.max(1, span / 8);
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis y = new NumberAxis();
        y.setLabel(label);
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        y.setPrefWidth(Y_AXIS_WIDTH);
        y.setMinWidth(Region.USE_PREF_SIZE);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number v) {
                double d = v.doubleValue();
                return d == Math.rint(d) ? compact((long) d) : "";
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are only drawn");
            }
        });
        return y;
    }

    /** A tick label that fits beside the axis title: 9,500, 12k, 300k, 1.2M. */
    static String compact(long n) {
        long abs = Math.abs(n);
        if (abs < 10_000) {
            return String.format(Locale.ROOT, "%,d", n);
        } else if (abs < 1_000_000) {
            return trim(n / 1_000.0) + "k";
        } else if (abs < 1_000_000_000) {
            return trim(n / 1_000_000.0) + "M";
        }
        return trim(n / 1_000_000_000.0) + "G";
    }

    private static String trim(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void style(XYChart<?, ?> chart, ChartNumbers n) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.getStyleClass().addAll("stats-chart", "chart-" + n.id());
        chart.setPrefSize(360, 240);
        chart.setMinSize(200, 160);
    }
}
