package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.SchemaColumn;
import dev.pairstudio.schema.SchemaJson;
import dev.pairstudio.schema.SchemaTable;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a database whose pairs were never checked against their schema checks them in the background. */
@ExtendWith(ApplicationExtension.class)
class PendingValidationUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        store = ui.database("pending-validation-ui", db -> {
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                pairs.add(TestPair.of(
                                "p" + i,
                                "Question " + i,
                                i % 3 == 0
                                        ? "SELECT nmae FROM customers WHERE id = " + i
                                        : "SELECT name FROM customers WHERE id = " + i)
                        .at(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i))
                        .build());
            }
            db.addAll(pairs, null, Source.FILE, "t");
            // stored without checking the pairs (schema import --no-validate,
            // or pairs imported with --no-analysis before it)
            db.saveSchema(
                    "shop",
                    "test",
                    SchemaJson.write(new DatabaseSchema(
                            "shop",
                            "postgresql",
                            List.of(new SchemaTable(
                                    "customers",
                                    List.of(new SchemaColumn("id", "INT"), new SchemaColumn("name", "TEXT")),
                                    List.of("id"),
                                    List.of())))));
        });
        window = ui.window(stage, store, 1200, 800);
    }

    @Test
    void theWindowChecksUncheckedPairsWithoutBlockingAndSaysSo(FxRobot robot) throws Exception {
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isLessThan(1_000);
        // the FX thread stays free while the job runs: the table answers a filter change meanwhile
        robot.interact(() -> window.filters().flags.add(QualityFlag.UNKNOWN_COLUMN));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))) == 1_000);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#status-bar")
                        .queryAs(StatusBar.class)
                        .getText()
                        .contains("hecked 3,000 pairs against their schema"));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.table().getItems().size() == 1_000);
        assertThat(store.unvalidated(0, 10)).isEmpty();
    }
}
