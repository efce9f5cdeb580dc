package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.ui.filter.FilterViewModel;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drill-down trail. Each step narrows one field of the shared {@link FilterViewModel} (so the
 * pair table follows) and remembers the filter as it was before, so that any step can be undone.
 * A filter change made elsewhere (the filter panel, a saved filter) starts a new trail: the old
 * steps would no longer describe the filter in force.
 */
public final class DrillDown {
    /** One drill-down: what the breadcrumb says and the filter it replaced. */
    public record Step(String label, PairFilter before) {}

    private final FilterViewModel filters;
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObservableList<Step> readOnly = FXCollections.unmodifiableObservableList(steps);
    private final ChangeListener<PairFilter> onChange;
    private PairFilter expected;
    private boolean applying;

    public DrillDown(FilterViewModel filters) {
        this.filters = filters;
        this.onChange = (o, a, b) -> {
            if (!applying && !steps.isEmpty() && !b.equals(expected)) {
                steps.clear();
            }
        };
        filters.filterProperty().addListener(onChange);
    }

    public ObservableList<Step> steps() {
        return readOnly;
    }

    /** Narrows {@code dimension} to {@code key}; {@code shown} is the value as the chart labels it. */
    public void narrow(Dimension dimension, String key, String shown) {
        if (!dimension.drillable() || key == null) {
            return;
        }
        PairFilter before = filters.filter();
        run(() -> filters.batch(() -> dimension.narrow(filters, key)));
        if (!filters.filter().equals(before)) {
            steps.add(new Step(dimension.crumb(shown), before));
        }
    }

    /** Undoes step {@code index} and every later one: the filter is as it was before that step. */
    public void undoFrom(int index) {
        if (index < 0 || index >= steps.size()) {
            return;
        }
        PairFilter before = steps.get(index).before();
        run(() -> filters.apply(before));
        steps.remove(index, steps.size());
    }

    /** Undoes the last step. */
    public void back() {
        undoFrom(steps.size() - 1);
    }

    void dispose() {
        filters.filterProperty().removeListener(onChange);
    }

    private void run(Runnable change) {
        applying = true;
        try {
            change.run();
        } finally {
            applying = false;
        }
        expected = filters.filter();
    }
}
