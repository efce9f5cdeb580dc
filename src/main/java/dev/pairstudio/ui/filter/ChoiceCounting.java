package dev.pairstudio.ui.filter;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Keeps the filter panel's choice counts current: counted in the background each time the
 * table's rows for a filter are ready (never before them, so counting never delays the first
 * rows), an answer for an older filter dropped.
 */
public final class ChoiceCounting {
    private final FilterPanel panel;
    private final Database store;
    private final TaskRunner tasks;
    private final Supplier<PairFilter> shown;
    private long sequence;

    private ChoiceCounting(FilterPanel panel, Database store, TaskRunner tasks, Supplier<PairFilter> shown) {
        this.panel = panel;
        this.store = store;
        this.tasks = tasks;
        this.shown = shown;
    }

    /**
     * @param shown       the filter of the rows the table shows
     * @param rowsLoading true while the table loads the rows of a new filter (or of changed data)
     */
    public static void attach(
            FilterPanel panel,
            Database store,
            TaskRunner tasks,
            Supplier<PairFilter> shown,
            ObservableBooleanValue rowsLoading) {
        ChoiceCounting counting = new ChoiceCounting(panel, store, tasks, shown);
        rowsLoading.addListener((o, was, now) -> {
            if (!now) {
                counting.count();
            }
        });
    }

    private void count() {
        long mine = ++sequence;
        PairFilter filter = shown.get();
        tasks.run("count the filter's choices", () -> ChoiceCounts.of(store, filter), counts -> {
            if (mine == sequence) {
                panel.setCounts(counts);
            }
        });
    }
}
