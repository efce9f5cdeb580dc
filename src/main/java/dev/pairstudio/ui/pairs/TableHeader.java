package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.ui.filter.FilterViewModel;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What sits right above the pair table: the trash banner while the trash is shown, the count
 * line ("46 of 2,000 pairs · 312 of 2,000 reviewed") with the filter panel's toggle, and the
 * active filters as removable chips, so the state of the view is where the eyes are.
 */
public final class TableHeader extends VBox {
    /** The counts the line compares against, read by the window in the background after each change. */
    public record Totals(long live, long reviewed, long trashed) {
        public static final Totals UNKNOWN = new Totals(-1, -1, -1);
    }

    private final FilterViewModel filters;
    private final PagedPairList rows;
    /** Whether the store answers a sort at once ({@code Maintenance.sortReady}): a volatile read. */
    private final Predicate<SortColumn> sortReady;

    private final ObjectProperty<Totals> totals = new SimpleObjectProperty<>(Totals.UNKNOWN);
    private final Label summary = new Label();
    private final Label bannerText = new Label();
    private final FlowPane chips = new FlowPane(4, 4);
    private final ToggleButton filtersShown = new ToggleButton("Filters", new FontIcon(Feather.SLIDERS));

    public TableHeader(FilterViewModel filters, PagedPairList rows, Predicate<SortColumn> sortReady) {
        this.filters = filters;
        this.rows = rows;
        this.sortReady = sortReady;
        setId("table-header");
        getStyleClass().add("table-header");

        bannerText.setId("trash-banner-text");
        bannerText.setMinWidth(Region.USE_PREF_SIZE);
        Button leave = new Button("Back to the pairs");
        leave.setId("leave-trash");
        leave.getStyleClass().add("small");
        leave.setOnAction(e -> filters.trash.set(false));
        HBox banner = new HBox(12, new FontIcon(Feather.TRASH_2), bannerText, leave);
        banner.setId("trash-banner");
        banner.getStyleClass().add("trash-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(filters.trash);
        banner.managedProperty().bind(filters.trash);

        filtersShown.setId("toggle-filters");
        filtersShown.setSelected(true);
        filtersShown.setTooltip(new Tooltip("Show or hide the filter panel"));
        filtersShown.setMinWidth(Region.USE_PREF_SIZE);
        summary.setId("match-summary");
        summary.getStyleClass().add("match-summary");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button clear = new Button("Clear all filters");
        clear.setId("clear-filters");
        clear.getStyleClass().add("small");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> filters.clear());
        clear.visibleProperty().bind(Bindings.isNotEmpty(filters.chips()));
        HBox line = new HBox(10, filtersShown, summary, spacer, clear);
        line.setAlignment(Pos.CENTER_LEFT);

        chips.setId("filter-chips");
        chips.visibleProperty().bind(Bindings.isNotEmpty(filters.chips()));
        chips.managedProperty().bind(chips.visibleProperty());
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));
        getChildren().addAll(banner, line, chips);

        filters.chips().addListener((ListChangeListener<FilterViewModel.Chip>) c -> showChips());
        rows.totalProperty().addListener((o, was, now) -> showCounts());
        rows.waitingProperty().addListener((o, was, now) -> showCounts());
        filters.filterProperty().addListener((o, was, now) -> showCounts());
        totals.addListener((o, was, now) -> showCounts());
        showChips();
        showCounts();
    }

    /** Whether the filter panel is shown; the window binds its split pane to it. */
    public BooleanProperty filtersShownProperty() {
        return filtersShown.selectedProperty();
    }

    public void setTotals(Totals t) {
        totals.set(t);
    }

    /** The count line as shown (tests, screen readers). */
    public String summaryText() {
        return summary.getText();
    }

    private void showCounts() {
        Totals t = totals.get();
        boolean trash = filters.filter().trash();
        long all = trash ? t.trashed() : t.live();
        long shown = rows.waitingProperty().get() ? -1 : rows.totalProperty().get();
        String noun = trash ? "pairs in the trash" : "pairs";
        StringBuilder text = new StringBuilder();
        SortColumn sortedBy = rows.sort().column();
        if (shown < 0 && !sortReady.test(sortedBy)) {
            // the first sort by a text: its ranking takes seconds at 1M pairs, once for the database
            text.append("Putting ")
                    .append(all < 0 ? "the pairs" : Plural.of(all, "pair"))
                    .append(sortedBy == SortColumn.SQL ? " in SQL order" : " in question order")
                    .append(" (once for this database)…");
        } else if (shown < 0) {
            text.append(all < 0 ? "Counting pairs…" : "Loading " + Plural.of(all, "pair") + "…");
        } else if (all < 0 || (shown == all && filters.chips().isEmpty())) {
            text.append(trash ? Plural.of(shown, "pair in the trash", noun) : Plural.of(shown, "pair"));
        } else {
            text.append(Plural.number(shown))
                    .append(" of ")
                    .append(Plural.of(all, trash ? "pair in the trash" : "pair", noun));
        }
        if (!trash && t.live() >= 0) {
            text.append("  ·  ")
                    .append(Plural.number(t.reviewed()))
                    .append(" of ")
                    .append(Plural.number(t.live()))
                    .append(" reviewed");
        }
        summary.setText(text.toString());
        bannerText.setText(
                t.trashed() == 0
                        ? "Trash — empty."
                        : "Trash — " + (t.trashed() < 0 ? "" : Plural.of(t.trashed(), "pair") + ". ")
                                + "Restore or empty.");
    }

    private void showChips() {
        chips.getChildren().clear();
        for (FilterViewModel.Chip chip : filters.chips()) {
            Button b = new Button(chip.label(), new FontIcon(Feather.X));
            b.setContentDisplay(ContentDisplay.RIGHT);
            b.getStyleClass().addAll("chip", "small");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip("Remove this filter"));
            b.setOnAction(e -> chip.remove().run());
            chips.getChildren().add(b);
        }
        showCounts();
    }
}
