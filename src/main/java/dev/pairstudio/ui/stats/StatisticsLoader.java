package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.ui.Debouncer;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.util.Duration;

/**
 * Computes {@link DashboardData} in the background for the latest filter, in two steps (the
 * statistics, then the extras), delivering each. Requests are debounced;
 * at most one computation runs at a time and at most one waits (the newest filter), so a burst of
 * changes costs two queries, not one per change. A result is delivered only when its sequence
 * number is still the latest, so a slow, stale computation never overwrites a newer one. Tasks
 * are never cancelled with an interrupt: an interrupt closes H2's file channel.
 * FX thread only, except the computation.
 */
final class StatisticsLoader {
    private final Database store;
    private final TaskRunner tasks;
    private final Consumer<DashboardData> onResult;
    private final Consumer<Throwable> onError;
    private final Debouncer debouncer;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private PairFilter requested;
    private long sequence;
    private boolean running;
    private boolean pending;
    private boolean disposed;

    StatisticsLoader(
            Database store,
            TaskRunner tasks,
            Duration quiet,
            Consumer<DashboardData> onResult,
            Consumer<Throwable> onError) {
        this.store = store;
        this.tasks = tasks;
        this.onResult = onResult;
        this.onError = onError;
        this.debouncer = new Debouncer(quiet, this::start);
    }

    /** Asks for the statistics of {@code filter} once input has been quiet for a moment. */
    void request(PairFilter filter) {
        requested = filter;
        sequence++;
        busy.set(true);
        debouncer.trigger();
    }

    /** Asks for the statistics of {@code filter} now. */
    void requestNow(PairFilter filter) {
        requested = filter;
        sequence++;
        busy.set(true);
        debouncer.cancel();
        start();
    }

    /** True from a request until its complete result (or failure) is delivered. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    void dispose() {
        disposed = true;
        debouncer.cancel();
    }

    private void start() {
        if (disposed) {
            return;
        }
        if (running) {
            pending = true; // the running one finishes first; then the newest filter runs
            return;
        }
        running = true;
        pending = false;
        long mine = sequence;
        PairFilter filter = requested;
        tasks.run(
                "compute the dashboard's statistics",
                () -> DashboardData.compute(store, filter),
                partial -> firstStep(mine, partial),
                e -> finished(mine, null, e));
    }

    private void firstStep(long mine, DashboardData partial) {
        if (disposed || mine != sequence) {
            finished(mine, null, null);
            return;
        }
        onResult.accept(partial);
        tasks.run(
                "compute the dashboard's extras",
                () -> partial.withExtras(store),
                whole -> finished(mine, whole, null),
                e -> finished(mine, null, e));
    }

    private void finished(long mine, DashboardData data, Throwable error) {
        running = false;
        if (disposed) {
            return;
        }
        if (mine == sequence) {
            busy.set(false);
            if (error != null) {
                onError.accept(error);
            } else if (data != null) {
                onResult.accept(data);
            }
        } else if (pending) {
            start();
        }
        // else: a newer request is waiting for its debounce and will start itself
    }
}
