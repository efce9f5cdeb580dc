package dev.pairstudio.ui.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairPages;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's rows announce a page only when the table draws some of its rows: after a drag,
 * pages for rows already scrolled away made the table lay out again and again.
 */
@ExtendWith(ApplicationExtension.class)
class PagedPairListTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private PagedPairList rows;
    /** Rows updated by change events, in order. */
    private final List<Integer> updated = new ArrayList<>();

    @Start
    void start(Stage stage) {
        store = ui.database(TestDatabases.copyOfQuicklyTyped("paged-2k", () -> new SyntheticPairs(3).list(2_000)));
        rows = new PagedPairList(store);
        rows.addListener((ListChangeListener<Object>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        updated.add(i);
                    }
                }
            }
        });
        // the table draws rows 0..29 only
        rows.setRowsOnScreen((from, to) -> from < 30);
    }

    @AfterEach
    void close() {
        rows.shutdown();
    }

    /** Closing a window while its first page loads: the read finishes instead of being interrupted inside H2. */
    @Test
    void aListClosedWhileLoadingLeavesTheStoreReadableAndIgnoresALateReload() throws Exception {
        for (int i = 0; i < 20; i++) {
            PagedPairList closing = new PagedPairList(store);
            onFx(() -> {
                closing.reload(PairFilter.ALL, PairSort.NEWEST_FIRST);
                closing.shutdown();
                closing.reload(PairFilter.ALL, PairSort.INSERTION); // a collector's late refresh
                return null;
            });
        }
        assertThat(store.count(PairFilter.ALL)).isEqualTo(2_000);
        assertThat(store.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 500).rows())
                .hasSize(500);
    }

    @Test
    void aPageForRowsOffScreenArrivesWithoutAnEventAndIsServedFromTheCache() throws Exception {
        onFx(() -> {
            rows.reload(PairFilter.ALL, PairSort.NEWEST_FIRST);
            return null;
        });
        waitFor(() -> rows.size() == 2_000 && !rows.loadingProperty().get());

        assertThat(onFx(() -> rows.get(1_234)))
                .as("not loaded yet: drawn empty, its page asked for")
                .isNull();
        waitFor(() -> rows.get(1_234) != null);
        assertThat(onFx(() -> List.copyOf(updated)))
                .as("rows 1,200..1,299 are off screen")
                .isEmpty();
        long expected = store.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 1_235)
                .rows()
                .get(1_234)
                .id();
        assertThat(onFx(() -> rows.get(1_234).id())).isEqualTo(expected);

        onFx(
                () -> { // the first page comes with the reload; the second is on screen when it arrives
                    rows.refresh();
                    return null;
                });
        waitFor(() -> !rows.loadingProperty().get());
        assertThat(onFx(() -> {
                    updated.clear();
                    rows.setRowsOnScreen((from, to) -> from <= 120 && to > 100); // now the table draws rows 100..120
                    return rows.get(120);
                }))
                .isNull();
        waitFor(() -> rows.get(120) != null);
        waitFor(() -> updated.contains(120));
        assertThat(onFx(() -> List.copyOf(updated)))
                .as("the page on screen is announced, row by row")
                .hasSize(100)
                .contains(100, 199);
    }

    /**
     * The page index (a walk over every matching row) is read only once the first page is on the
     * list: at 1M pairs it competed with the window's start on two cores. Deep rows still load.
     */
    @Test
    void thePageIndexIsReadAfterTheFirstPageIsShown() throws Exception {
        AtomicBoolean firstShown = new AtomicBoolean();
        List<Boolean> shownWhenIndexed = new CopyOnWriteArrayList<>();
        PairPages recording = new PairPages() { // the real store's pages, noting when the page index is asked for
                    @Override
                    public long count(PairFilter filter) {
                        return store.count(filter);
                    }

                    @Override
                    public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
                        return store.query(filter, sort, afterCursor, limit);
                    }

                    @Override
                    public List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize) {
                        shownWhenIndexed.add(firstShown.get());
                        return store.pageStarts(filter, sort, pageSize);
                    }
                };
        PagedPairList list = new PagedPairList(recording);
        try {
            onFx(() -> {
                list.addListener(
                        (ListChangeListener<Object>) c -> firstShown.set(list.size() > 0 && list.get(0) != null));
                list.reload(PairFilter.ALL, PairSort.NEWEST_FIRST);
                return null;
            });
            waitFor(() -> !list.loadingProperty().get());
            assertThat(shownWhenIndexed)
                    .as("pageStarts called once, after the first rows were on the list")
                    .containsExactly(true);
            assertThat(onFx(() -> list.get(1_999))).as("not loaded yet").isNull();
            waitFor(() -> list.get(1_999) != null);
            assertThat(onFx(() -> list.get(1_999).id()))
                    .isEqualTo(store.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 2_000)
                            .rows()
                            .get(1_999)
                            .id());
        } finally {
            list.shutdown();
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
