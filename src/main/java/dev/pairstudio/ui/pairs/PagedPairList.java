package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairPages;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableListBase;

/**
 * The pair table's rows: a list as long as the filter's count whose rows are fetched a page at
 * a time by keyset paging, so that a million pairs cost a few pages of memory. {@link #get}
 * never touches the database: a missing row is null (drawn empty) and its page is queued for a
 * background thread, newest request first, so the rows on screen fill first after a scroll.
 * Results of an older filter or sort are dropped by a generation number. A page that arrives
 * for rows no longer on screen is kept without a change event: the event would make the table
 * lay out its visible rows again, and at a million rows each layout of JavaFX's VirtualFlow walks
 * the list from the top (tens of milliseconds), which stale pages after a drag used to add up.
 */
public final class PagedPairList extends ObservableListBase<StoredPair> implements PairsViewModel.Rows {
    public static final int PAGE = 100;
    private static final int CACHED_PAGES = 60;
    private static final int QUEUED_PAGES = 12;

    private final PairPages store;
    private static final int LOADERS = 2;

    private final ExecutorService loader = Executors.newFixedThreadPool(LOADERS, r -> {
        Thread t = new Thread(r, "pair-table-loader");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, List<StoredPair>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<StoredPair>> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private final LinkedList<Integer> queue = new LinkedList<>();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    /** True until the first page of the current filter is shown: nothing loaded yet says nothing about the data. */
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting", true);
    /** The count of the filter being loaded once known (before its first page can be), -1 before. */
    private final ReadOnlyLongWrapper expected = new ReadOnlyLongWrapper(this, "expected", -1);

    private PairFilter filter = PairFilter.ALL;
    private PairSort sort = PairSort.NEWEST_FIRST;
    private int size;
    private long generation;
    private List<String> pageStarts;
    /** Pages being read now (FX thread only). */
    private final Set<Integer> inFlight = new HashSet<>();

    private Consumer<Throwable> onError = e -> {};
    private RowsOnScreen onScreen = (from, to) -> true;

    /** Tells whether the table draws any row from {@code from} (inclusive) to {@code to} (exclusive) now. */
    @FunctionalInterface
    public interface RowsOnScreen {
        boolean any(int from, int to);
    }

    public PagedPairList(PairPages store) {
        this.store = store;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True while the count or the page index of a new filter is being computed. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True from a reload until its first page is shown (or it failed): the table must say it is loading, not that it is empty. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** While {@link #waitingProperty()}: how many rows are coming, once counted (-1 before). */
    public ReadOnlyLongProperty expectedProperty() {
        return expected.getReadOnlyProperty();
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /** Set by the table that shows this list; without one every arriving page is announced. */
    public void setRowsOnScreen(RowsOnScreen rowsOnScreen) {
        this.onScreen = rowsOnScreen;
    }

    public PairFilter filter() {
        return filter;
    }

    public PairSort sort() {
        return sort;
    }

    /** Shows another filter or sort: count and first page first, then the page index in the background. */
    public void reload(PairFilter newFilter, PairSort newSort) {
        if (loader.isShutdown()) {
            return; // the window closed: a late refresh (a collector's throttle) has nothing to show
        }
        filter = newFilter;
        sort = newSort;
        long gen = ++generation;
        queue.clear();
        inFlight.clear(); // their results are dropped by generation
        pageStarts = null; // the old page index's cursors belong to the old sort and filter
        loading.set(true);
        waiting.set(true);
        expected.set(-1);
        PairFilter f = newFilter;
        PairSort s = newSort;
        loader.execute(() -> {
            try {
                long count = store.count(f); // without a filter the store counts before its index is ready
                Platform.runLater(() -> {
                    if (gen == generation) {
                        expected.set(count);
                    }
                });
                Page first = store.query(f, s, null, PAGE);
                Platform.runLater(() -> {
                    if (showFirst(gen, count, first.rows())) {
                        afterDrawn(() -> indexPages(gen, f, s));
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed(gen, e));
            }
        });
    }

    /**
     * Runs {@code action} at the second pulse from now, when the rows just set have been laid out
     * and drawn: work started earlier competes with the window's first layout for the two cores.
     */
    private static void afterDrawn(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /**
     * Reads the page index (a cursor every {@link #PAGE} rows) once the first page is drawn: at 1M
     * pairs it walks every row, which on two cores slowed the window's start when it ran beside it.
     */
    private void indexPages(long gen, PairFilter f, PairSort s) {
        if (loader.isShutdown()) {
            return;
        }
        loader.execute(() -> {
            try {
                List<String> starts = store.pageStarts(f, s, PAGE);
                Platform.runLater(() -> indexReady(gen, starts));
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed(gen, e));
            }
        });
    }

    /** Re-reads the current filter (after curation changed rows), keeping the scroll position if the size allows. */
    public void refresh() {
        reload(filter, sort);
    }

    /** The loaded row at index, or null when it is not loaded yet (and then its page is queued). */
    @Override
    public StoredPair get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        List<StoredPair> page = pages.get(index / PAGE);
        if (page == null) {
            request(index / PAGE);
            return null;
        }
        int offset = index % PAGE;
        return offset < page.size() ? page.get(offset) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** Replaces one row in place (after an edit or a review), without a round trip. */
    public void replace(StoredPair updated) {
        for (Map.Entry<Integer, List<StoredPair>> e : pages.entrySet()) {
            List<StoredPair> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == updated.id()) {
                    rows.set(i, updated);
                    int index = e.getKey() * PAGE + i;
                    beginChange();
                    nextUpdate(index);
                    endChange();
                    return;
                }
            }
        }
    }

    /** Index of a loaded row with this store id, or -1. */
    public int indexOfId(long id) {
        for (Map.Entry<Integer, List<StoredPair>> e : pages.entrySet()) {
            List<StoredPair> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == id) {
                    return e.getKey() * PAGE + i;
                }
            }
        }
        return -1;
    }

    /**
     * Takes no more page loads; one in progress finishes (a page is milliseconds) rather than being
     * interrupted: an interrupt inside H2's file I/O closes the database file for every reader.
     */
    public void shutdown() {
        loader.shutdown();
    }

    /** Whether the rows were shown (false: a newer reload replaced them). */
    private boolean showFirst(long gen, long count, List<StoredPair> first) {
        if (gen != generation) {
            return false;
        }
        int oldSize = size;
        pages.clear();
        pageStarts = null;
        size = (int) Math.min(count, Integer.MAX_VALUE);
        pages.put(0, new ArrayList<>(first));
        total.set(count);
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, Collections.nCopies(oldSize, (StoredPair) null));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
        waiting.set(false); // after the rows: the table hides its placeholder before the empty state could show in it
        return true;
    }

    private void indexReady(long gen, List<String> starts) {
        if (gen != generation) {
            return;
        }
        pageStarts = starts;
        loading.set(false);
        pump();
    }

    private void failed(long gen, Throwable e) {
        if (gen == generation) {
            loading.set(false);
            waiting.set(false);
            onError.accept(e);
        }
    }

    private void request(int page) {
        if (queue.contains(page)) {
            queue.remove((Integer) page);
        }
        queue.addFirst(page);
        while (queue.size() > QUEUED_PAGES) {
            queue.removeLast();
        }
        pump();
    }

    /**
     * Sends the newest wanted pages to the loader once the page index exists, two at a time: the
     * rows on screen often straddle two pages, and one after the other doubled the wait.
     */
    private void pump() {
        while (inFlight.size() < LOADERS
                && pageStarts != null
                && !queue.isEmpty()
                && !loader.isShutdown()) { // shut down: the window closed
            int page = queue.removeFirst();
            if (pages.containsKey(page) || inFlight.contains(page) || page >= pageStarts.size()) {
                continue;
            }
            inFlight.add(page);
            long gen = generation;
            String cursor = pageStarts.get(page);
            PairFilter f = filter;
            PairSort s = sort;
            loader.execute(() -> {
                try {
                    Page result = store.query(f, s, cursor, PAGE);
                    Platform.runLater(() -> pageLoaded(gen, page, result.rows()));
                } catch (RuntimeException e) {
                    Platform.runLater(() -> {
                        if (gen == generation) {
                            inFlight.remove(page);
                        }
                        failed(gen, e);
                    });
                }
            });
        }
    }

    private void pageLoaded(long gen, int page, List<StoredPair> rows) {
        if (gen == generation) {
            inFlight.remove(page);
            pages.put(page, new ArrayList<>(rows));
            int from = page * PAGE;
            int to = Math.min(size, from + rows.size());
            // rows off screen: a cell that scrolls to them later reads them from the cache
            if (from < to && onScreen.any(from, to)) {
                beginChange();
                for (int i = from; i < to; i++) {
                    nextUpdate(i);
                }
                endChange();
            }
        }
        pump();
    }

    /** For tests: how many pages are in memory. */
    int cachedPages() {
        return pages.size();
    }
}
