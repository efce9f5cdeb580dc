package dev.pairstudio.ui.filter;

import dev.pairstudio.ui.UiSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The filter panel beside the views in a split pane: its divider resizes the panel, a toggle
 * collapses it, and the width is remembered for the next start.
 */
public final class FilterSplit {
    private static final String DIVIDER = "filters.divider";
    private static final String SHOWN = "filters.shown";
    private static final double DEFAULT_WIDTH = 260;

    private FilterSplit() {}

    /** {@code shown} shows or hides the panel (and starts as the user left it). */
    public static SplitPane of(FilterPanel panel, Node views, BooleanProperty shown, UiSettings settings) {
        SplitPane split = new SplitPane(panel, views);
        split.setId("filter-split");
        SplitPane.setResizableWithParent(panel, false); // a wider window widens the table, not the filters
        panel.setMinWidth(180);
        panel.setMaxWidth(520);
        double position = settings.getDouble(DIVIDER, 0.2);
        split.setDividerPositions(position);
        if (settings.get(DIVIDER).isEmpty()) { // first start: the panel's own width, whatever the window's
            split.widthProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                    if (now.doubleValue() > 0) {
                        split.widthProperty().removeListener(this);
                        split.setDividerPositions(DEFAULT_WIDTH / now.doubleValue());
                    }
                }
            });
        }
        remember(split, settings);
        shown.set(settings.getBoolean(SHOWN, true));
        shown.addListener((o, was, now) -> {
            show(split, panel, now, settings.getDouble(DIVIDER, 0.2), settings);
            settings.put(SHOWN, now);
            settings.save();
        });
        show(split, panel, shown.get(), position, settings);
        return split;
    }

    /** A divider is made anew each time the panel comes back: listen to the current one. */
    private static void remember(SplitPane split, UiSettings settings) {
        split.getDividers()
                .get(0)
                .positionProperty()
                .addListener((o, was, now) -> settings.put(DIVIDER, now.doubleValue()));
    }

    private static void show(SplitPane split, FilterPanel panel, boolean shown, double position, UiSettings settings) {
        if (shown && !split.getItems().contains(panel)) {
            split.getItems().add(0, panel);
            split.setDividerPositions(position);
            remember(split, settings);
        } else if (!shown) {
            split.getItems().remove(panel);
        }
    }
}
