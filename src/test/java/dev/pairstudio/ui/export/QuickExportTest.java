package dev.pairstudio.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.export.SplitRatios;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.PairsWithAnEmail;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.BackgroundJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The one-click export on a real H2 file: privacy-on JSONL first, then the last used profile; cancel leaves nothing. */
@ExtendWith(ApplicationExtension.class)
class QuickExportTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    @TempDir
    Path temp;

    private Database store;
    private BackgroundJobs jobs;
    private Stage stage;

    @BeforeAll
    static void buildOnce() {
        PairsWithAnEmail.copy();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = ui.database(PairsWithAnEmail.copy());
        jobs = ui.jobs();
        ui.mount(stage, new StackPane(new Label("Pair Studio")), 800, 600); // the window the dialogs belong to
    }

    private ExportContext context(Database s, PairFilter filter) {
        return ExportTesting.context(s, jobs, filter, Set.of(), temp);
    }

    private QuickExport.Outcome runAndWait(FxRobot robot, QuickExport quick, ExportContext ctx) throws Exception {
        AtomicReference<QuickExport.Outcome> outcome = new AtomicReference<>();
        robot.interact(() -> {
            quick.setOnFinished(outcome::set);
            quick.run(ctx, stage);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outcome.get() != null);
        return outcome.get();
    }

    private List<Path> exported() throws Exception {
        try (Stream<Path> files = Files.list(temp.resolve("exports"))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".manifest.json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void firstUseWritesPrivacyOnJsonlThenTheLastUsedProfile(FxRobot robot) throws Exception {
        QuickExport quick = new QuickExport();
        long selects = store.count(PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT)));
        QuickExport.Outcome first = runAndWait(robot, quick, context(store, PairFilter.ALL));
        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(first.message())
                .startsWith("Exported ")
                .contains("anonymized")
                .contains("training_data-");
        assertThat(quick.statusProperty().get()).isEqualTo(first.message());
        List<Path> files = exported();
        assertThat(files).hasSize(1);
        Path jsonl = files.get(0);
        assertThat(jsonl.getFileName().toString()).matches("training_data-\\d{8}-\\d{6}\\.jsonl");
        List<String> lines = Files.readAllLines(jsonl);
        assertThat((long) lines.size()).isEqualTo(first.result().written());
        assertThat(first.result().written() + first.result().duplicates()).isEqualTo(301);
        assertThat(String.join("\n", lines)).doesNotContain(PairsWithAnEmail.EMAIL);
        JsonNode manifest = new ObjectMapper().readTree(Files.readString(Path.of(jsonl + ".manifest.json")));
        assertThat(manifest.path("privacy").path("anonymized").asBoolean()).isTrue();
        assertThat(manifest.path("format").asText()).isEqualTo("jsonl");

        // a profile used last (by the wizard or the CLI) is what the next one-click export repeats, with the current
        // filter
        ExportProfile csv = ExportProfile.defaults("csv")
                .withName("csv split")
                .withSplit(SplitRatios.DEFAULT, SplitAssigner.Grouping.TEMPLATE);
        new ExportProfiles(store).save(csv);
        new ExportProfiles(store).markUsed("csv split");
        QuickExport.Outcome second =
                runAndWait(robot, quick, context(store, PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT))));
        assertThat(second.succeeded()).as(second.message()).isTrue();
        assertThat(second.result().splits().keySet()).containsExactly("train", "validation", "test");
        assertThat(second.result().written() + second.result().duplicates()).isEqualTo(selects);
        assertThat(exported())
                .extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.matches("training_data-\\d{8}-\\d{6}\\.train\\.csv"))
                .anyMatch(n -> n.matches("training_data-\\d{8}-\\d{6}\\.test\\.csv"));
        for (Path p : exported()) {
            if (p.toString().endsWith(".csv")) {
                assertThat(Files.readString(p)).doesNotContain(PairsWithAnEmail.EMAIL);
            }
        }
    }

    @Test
    void cancelLeavesNoFileAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        AtomicLong delay = new AtomicLong(5);
        QuickExport quick = new QuickExport();
        AtomicReference<QuickExport.Outcome> outcome = new AtomicReference<>();
        ExportContext ctx = context(ExportTesting.slow(store, delay), PairFilter.ALL);
        robot.interact(() -> {
            quick.setOnFinished(outcome::set);
            quick.run(ctx, stage);
        });
        Path folder = temp.resolve("exports");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            if (!Files.isDirectory(folder)) {
                return false;
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.findAny().isPresent(); // the hidden temporary file
            }
        });
        assertThat(quick.isRunning()).isTrue();
        robot.interact(() -> stage.setTitle("still responsive")); // the FX thread is free while exporting
        assertThat(quick.cancelAndWait(Duration.ofSeconds(20))).isTrue();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).isEmpty();
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome.get() != null);
        assertThat(outcome.get().succeeded()).isFalse();
        assertThat(outcome.get().message()).contains("cancelled");
        assertThat(quick.isRunning()).isFalse();
    }
}
