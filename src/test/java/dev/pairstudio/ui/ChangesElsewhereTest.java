package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.UiFixture;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What another process writes to the open database (a CLI import, `pairstudio serve`, a
 * colleague on the team database) shows up in the window by itself within a few seconds.
 */
@ExtendWith(ApplicationExtension.class)
class ChangesElsewhereTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        store = ui.database("elsewhere", db -> {
            try (AnalyzingEnricher enricher =
                    AnalyzingEnricher.forStore(db)) { // analysed: the window has nothing to catch up on
                enricher.addAll(db, new SyntheticPairs(31).list(50), Source.FILE, "first");
            }
        });
        window = ui.window(stage, store, 1200, 800);
    }

    @Test
    void pairsAndReviewsFromAnotherWriterAppearWithoutAClick(FxRobot robot) throws Exception {
        waitFor(() ->
                "50 pairs".equals(robot.lookup("#match-count").queryLabeled().getText()));

        try (Database other = Databases.open(
                        ui.dir().resolve("db").toString()); // a second store on the file, as another process has
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(other)) {
            List<Long> added = enricher.addAll(other, new SyntheticPairs(32).list(10), Source.API, "collected")
                    .ids();
            other.setStatus(List.of(added.get(0)), ReviewStatus.ACCEPTED);
        }

        waitFor(() ->
                "60 pairs".equals(robot.lookup("#match-count").queryLabeled().getText()));
        assertThat(window.statusMessage()).contains("changed outside this window");
        assertThat(store.count(PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED))))
                .isEqualTo(1);
    }

    private static void waitFor(Callable<Boolean> onFx) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx).get(20, TimeUnit.SECONDS));
    }
}
