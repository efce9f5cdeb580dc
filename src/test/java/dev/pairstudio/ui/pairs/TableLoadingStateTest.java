package dev.pairstudio.ui.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.testing.ForwardingDatabase;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.MainWindow;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 24: while the pair table's rows are on their way (a large database opening, its index
 * being read or built) the table says "Loading N pairs…", never the empty-database state with its
 * "Load demo data" button; that state appears only once the store has answered "none".
 */
@ExtendWith(ApplicationExtension.class)
class TableLoadingStateTest {
    /** Holds every page query of the real store until released: a load as slow as the test needs. */
    private final CountDownLatch release = new CountDownLatch(1);

    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private Database empty;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = ui.database(
                "loading", db -> db.addAll(new SyntheticPairs(240).list(300), null, Source.FILE, "loading"));
        empty = ui.database("empty", db -> {});
    }

    /** A store query held back would keep the window from closing. */
    @AfterEach
    void release() {
        release.countDown();
    }

    @Test
    void aSlowLoadShowsTheLoadingStateWithTheCountNeverTheEmptyDatabaseState(FxRobot robot) throws Exception {
        Database slow = new ForwardingDatabase(store) {
            @Override
            public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.query(filter, sort, afterCursor, limit);
            }
        };
        open(slow);

        waitFor(() -> "Loading 300 pairs…"
                .equals(((Labeled) robot.lookup("#table-loading").query()).getText()));
        for (int i = 0; i < 5; i++) { // and it stays so while the rows are held back
            assertThat(onFx(() -> shown(robot, "#table-loading"))).isTrue();
            assertThat(onFx(() -> shown(robot, "#load-demo")))
                    .as("the empty-database state")
                    .isFalse();
            Thread.sleep(100);
        }

        release.countDown();
        waitFor(() -> window.table().getItems().size() == 300
                && window.table().getItems().get(0) != null);
        assertThat(onFx(() -> shown(robot, "#table-loading"))).isFalse();
        assertThat(onFx(() -> robot.lookup("#match-count").queryLabeled().getText()))
                .isEqualTo("300 pairs");
    }

    /**
     * Issue 26: a click on Question while the texts are still being put in order (the first time
     * for a 1M-pair database) says so above the table, the old rows stay usable, and the rows come
     * in the database's question order once the ranks are there.
     */
    @Test
    void aSortByQuestionWhileItsRanksAreBuiltSaysSoAndThenShowsTheDatabasesOrder(FxRobot robot) throws Exception {
        Database ranking = new ForwardingDatabase(store) {
            @Override
            public boolean sortReady(SortColumn column) {
                return column != SortColumn.QUESTION || release.getCount() == 0;
            }

            @Override
            public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
                if (sort.column() == SortColumn.QUESTION) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.query(filter, sort, afterCursor, limit);
            }
        };
        open(ranking);
        waitFor(() -> window.table().getItems().size() == 300
                && window.table().getItems().get(0) != null);

        robot.clickOn(robot.lookup(".column-header")
                .match((Node n) -> n.getId() != null && n.getId().equals("question"))
                .queryAs(Node.class));
        waitFor(() -> summary(robot).startsWith("Putting 300 pairs in question order (once for this database)"));
        assertThat(onFx(() -> window.table().getItems().get(0)))
                .as("the old rows stay")
                .isNotNull();
        robot.clickOn("#toggle-filters"); // the window answers meanwhile
        waitFor(() -> !robot.lookup("#toggle-filters")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected());

        release.countDown();
        waitFor(() -> summary(robot).startsWith("300 pairs"));
        String first = onFx(() -> window.table().getItems().get(0).pair().question());
        String smallest = store.query(PairFilter.ALL, new PairSort(SortColumn.QUESTION, false), null, 1)
                .rows()
                .get(0)
                .pair()
                .question();
        assertThat(first).isEqualTo(smallest);
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#match-summary").queryLabeled().getText();
    }

    @Test
    void anEmptyDatabaseShowsTheEmptyStateOnceTheStoreHasAnswered(FxRobot robot) throws Exception {
        open(empty);
        waitFor(() -> shown(robot, "#load-demo"));
        assertThat(onFx(() -> shown(robot, "#table-loading"))).isFalse();
    }

    private void open(Database shown) throws Exception {
        window = WaitForAsyncUtils.asyncFx(() -> ui.window(stage, shown, 1200, 800))
                .get(30, TimeUnit.SECONDS);
    }

    /** Whether a node with this id is in the window and visible. */
    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(TableLoadingStateTest::shown).orElse(false);
    }

    /** Visible on screen: the node and every parent visible, inside a scene. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null
                && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing();
    }

    private static <T> T onFx(Callable<T> check) throws Exception {
        return WaitForAsyncUtils.asyncFx(check).get(20, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> onFx) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx).get(20, TimeUnit.SECONDS));
    }
}
