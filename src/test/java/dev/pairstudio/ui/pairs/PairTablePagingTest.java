package dev.pairstudio.ui.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.MainWindow;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pair table over 100,000 pairs: jumping to the end and sorting fetch a few pages, never all rows. */
@ExtendWith(ApplicationExtension.class)
class PairTablePagingTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private static final int PAIRS = 100_000;

    private Database store;
    private MainWindow window;
    private TableView<StoredPair> table;

    @BeforeAll
    static void buildOnce() {
        TestDatabases.copyOfQuicklyTyped("paging-100k", () -> new SyntheticPairs(100).list(PAIRS));
    }

    @Start
    void start(Stage stage) {
        store = ui.database(TestDatabases.copyOfQuicklyTyped("paging-100k", () -> new SyntheticPairs(100).list(PAIRS)));
        window = ui.window(stage, store, 1400, 900);
        table = window.table();
    }

    /** Waits until {@code condition}, asked on the FX thread: the paged list is the FX thread's alone. */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }

    @Test
    void theLastRowAndASortedFirstRowArriveWithoutLoadingEveryPage(FxRobot robot) throws Exception {
        PagedPairList rows = (PagedPairList) table.getItems();
        waitFor(() -> "100,000 pairs"
                .equals(robot.lookup("#match-count").queryLabeled().getText()));
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(PAIRS);

        PairSort shown = onFx(rows::sort);
        StoredPair last = store.query(PairFilter.ALL, new PairSort(shown.column(), !shown.descending()), null, 1)
                .rows()
                .get(0);
        robot.interact(() -> table.scrollTo(PAIRS - 1));
        waitFor(() -> table.getItems().get(PAIRS - 1) != null);
        assertThat(onFx(() -> table.getItems().get(PAIRS - 1).id())).isEqualTo(last.id());

        StoredPair newest = store.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 1)
                .rows()
                .get(0);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableColumn<StoredPair, ?> time = (TableColumn<StoredPair, ?>) table.getColumns().stream()
                    .filter(c -> "timestamp".equals(c.getId()))
                    .findFirst()
                    .orElseThrow();
            time.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(time);
            table.scrollTo(0);
        });
        waitFor(() -> rows.sort().equals(PairSort.NEWEST_FIRST)
                && table.getItems().get(0) != null
                && table.getItems().get(0).id() == newest.id());
        assertThat(onFx(rows::cachedPages)).as("pages held, of 1,000").isLessThanOrEqualTo(60);
    }
}
