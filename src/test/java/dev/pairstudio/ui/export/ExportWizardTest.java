package dev.pairstudio.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.PairsWithAnEmail;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.Screenshots;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.controlsfx.dialog.WizardPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Walks the export wizard on a real H2 file to real files, page by page, with a screenshot of each page. */
@ExtendWith(ApplicationExtension.class)
class ExportWizardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final UiFixture ui = new UiFixture();

    @TempDir
    Path temp;

    private Database store;
    private BackgroundJobs jobs;
    private Stage stage;
    private ExportWizard wizard;

    @BeforeAll
    static void buildOnce() {
        PairsWithAnEmail.copy();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        store = ui.database(PairsWithAnEmail.copy());
        jobs = ui.jobs();
        ui.mount(stage, new StackPane(new Label("Pair Studio")), 1200, 800); // the window the wizard belongs to
    }

    @AfterEach
    void close(FxRobot robot) {
        if (wizard != null && showing(wizard.runPage()) || wizard != null && anyShowing()) {
            robot.interact(() -> {
                for (WizardPane p : List.of(
                        wizard.scopePage(),
                        wizard.formatPage(),
                        wizard.privacyPage(),
                        wizard.splitPage(),
                        wizard.destinationPage(),
                        wizard.runPage())) {
                    if (showing(p)) {
                        Button cancel = (Button) p.lookupButton(ButtonType.CANCEL);
                        cancel.fire();
                        if (showing(p)) {
                            cancel.fire(); // the first one stops a running export
                        }
                    }
                }
            });
        }
    }

    private boolean anyShowing() {
        return Stream.of(
                        wizard.scopePage(),
                        wizard.formatPage(),
                        wizard.privacyPage(),
                        wizard.splitPage(),
                        wizard.destinationPage(),
                        wizard.runPage())
                .anyMatch(ExportWizardTest::showing);
    }

    private static boolean showing(WizardPane p) {
        return p.getScene() != null
                && p.getScene().getWindow() != null
                && p.getScene().getWindow().isShowing();
    }

    private ExportContext context(PairFilter filter, Set<Long> selection) {
        return ExportTesting.context(store, jobs, filter, selection, temp);
    }

    private ExportWizard open(FxRobot robot, ExportContext ctx) throws Exception {
        AtomicReference<ExportWizard> ref = new AtomicReference<>();
        Platform.runLater(() -> ExportWizard.show(stage, ctx, r -> {}, ref::set));
        waitFor(() -> ref.get() != null && showing(ref.get().scopePage()));
        wizard = ref.get();
        return wizard;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private static Button button(WizardPane page, ButtonBar.ButtonData data) {
        for (ButtonType t : page.getButtonTypes()) {
            if (t.getButtonData() == data) {
                return (Button) page.lookupButton(t);
            }
        }
        throw new AssertionError("no " + data + " button on " + page.getId());
    }

    private void next(FxRobot robot, WizardPane from, WizardPane to) throws Exception {
        Button next = button(from, ButtonBar.ButtonData.NEXT_FORWARD);
        assertThat(next.isDisabled())
                .as("Next on " + from.getId() + ": " + problemOf(from))
                .isFalse();
        click(robot, next);
        waitFor(() -> showing(to));
    }

    /** Fires a button as a click would (the dialog may extend beyond the headless screen). */
    private static void click(FxRobot robot, Button b) {
        assertThat(b.isDisabled()).as(b.getText() + " disabled").isFalse();
        robot.interact(b::fire);
    }

    private static String problemOf(WizardPane p) {
        return p.lookup("#" + p.getId() + "-problem") instanceof Label l ? l.getText() : "";
    }

    private static String text(WizardPane page, String id) {
        return ((Labeled) page.lookup("#" + id)).getText();
    }

    @Test
    void walksToAnAnonymizedJsonlExportWithAScreenshotOfEachPage(FxRobot robot) throws Exception {
        ExportWizard w = open(robot, context(PairFilter.ALL, Set.of()));
        ScopePage scope = w.scopePage();
        waitFor(() -> text(scope, "scope-count").equals("301 pairs to export (before dropping exact duplicates)"));
        waitFor(() -> text(scope, "scope-all").endsWith("301 pairs"));
        Screenshots.save(scope.getScene(), "export-wizard-1-scope");

        next(robot, scope, w.formatPage());
        FormatPage format = w.formatPage();
        waitFor(() -> format.preview.getText().startsWith("{\"pair_id\""));
        assertThat(format.preview.getText().lines()).hasSize(FormatPage.PREVIEW_RECORDS);
        Screenshots.save(format.getScene(), "export-wizard-2-format");

        next(robot, format, w.privacyPage());
        PrivacyPage privacy = w.privacyPage();
        waitFor(() -> !text(privacy, "findings-EMAIL").equals("…")
                && privacy.samples.getChildren().size() == PrivacyPage.SAMPLES);
        long emails = Long.parseLong(text(privacy, "findings-EMAIL").replace(",", ""));
        assertThat(emails).isGreaterThan(0);
        assertThat(text(privacy, "privacy-count-status"))
                .contains("findings in")
                .endsWith("of 301 pairs.");
        Screenshots.save(
                privacy.getScene(), "export-wizard-3-privacy"); // docs/images/export-wizard.png is a copy of it

        next(robot, privacy, w.splitPage());
        SplitPage split = w.splitPage();
        waitFor(() -> split.lookup("#split-count-all") != null);
        Screenshots.save(split.getScene(), "export-wizard-4-split");

        next(robot, split, w.destinationPage());
        DestinationPage destination = w.destinationPage();
        robot.interact(() -> {
            destination.folder.setText(temp.resolve("exports").toString());
            destination.name.setText("train.jsonl");
        });
        assertThat(w.viewModel().destinationNoteProperty().get()).contains("will be created");
        Screenshots.save(destination.getScene(), "export-wizard-5-destination");

        next(robot, destination, w.runPage());
        RunPage run = w.runPage();
        Screenshots.save(run.getScene(), "export-wizard-6-summary");
        assertThat(button(run, ButtonBar.ButtonData.FINISH).isDisabled()).isTrue();
        click(robot, run.run);
        waitFor(() -> run.result() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(run, ButtonBar.ButtonData.FINISH).isDisabled()).isFalse();
        assertThat(text(run, "export-done")).startsWith("Exported ");
        assertThat(run.path.getText()).isEqualTo(temp.resolve("exports").toString());
        Screenshots.save(run.getScene(), "export-wizard-6-done");

        Path file = temp.resolve("exports/train.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertThat((long) lines.size()).isEqualTo(run.result().written()).isGreaterThan(150);
        assertThat(run.result().written() + run.result().duplicates()).isEqualTo(301);
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain(PairsWithAnEmail.EMAIL);
        JsonNode pii = lines.stream()
                .map(ExportWizardTest::json)
                .filter(n -> n.get("pair_id").asText().equals("pii-1"))
                .findFirst()
                .orElseThrow();
        assertThat(pii.get("natural_language_query").asText()).contains("@").doesNotContain("zed.quill");
        assertThat(Files.exists(temp.resolve("exports/train.jsonl.manifest.json")))
                .isTrue();

        robot.interact(() -> run.path.getText()); // the copy button works where a clipboard exists
        click(robot, (Button) run.lookup("#export-copy-path"));
        assertThat(run.status.getText()).startsWith("Copied ");
        click(robot, button(run, ButtonBar.ButtonData.FINISH));
        waitFor(() -> !showing(run));
    }

    @Test
    void csvWithAnEightyTenTenSplitWritesThreeDisjointFilesAndSavesAProfile(FxRobot robot) throws Exception {
        ExportWizard w = open(robot, context(PairFilter.ALL, Set.of()));
        ScopePage scope = w.scopePage();
        waitFor(() -> w.viewModel().scopeCount.get() == 301);
        next(robot, scope, w.formatPage());
        FormatPage format = w.formatPage();
        robot.interact(() -> format.list.getSelectionModel().select("csv"));
        waitFor(() -> format.preview.getText().startsWith("pair_id,natural_language_query"));
        assertThat(w.viewModel().fileName.get()).isEqualTo("training_data.csv");
        next(robot, format, w.privacyPage());
        next(robot, w.privacyPage(), w.splitPage());

        SplitPage split = w.splitPage();
        robot.interact(() -> split.split.setSelected(true));
        // an invalid choice disables Next and says why
        robot.interact(() -> split.train.setText("85"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(split, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled())
                .isTrue();
        assertThat(problemOf(split)).isEqualTo("The shares add up to 105; they must add up to 100.");
        Screenshots.save(split.getScene(), "export-wizard-4-split-invalid");
        robot.interact(() -> split.train.setText("80"));
        waitFor(() -> split.lookup("#split-count-train") != null && split.lookup("#split-count-test") != null);
        long train = Long.parseLong(text(split, "split-count-train").replace(",", ""));
        long validation = Long.parseLong(text(split, "split-count-validation").replace(",", ""));
        long test = Long.parseLong(text(split, "split-count-test").replace(",", ""));
        // the plan and the same audit the export runs after writing, for the planned split
        waitFor(() -> text(split, "split-audit").startsWith("Split audit: "));
        assertThat(text(split, "split-plan"))
                .contains(" pairs in ")
                .contains("achieved")
                .contains("for 80/10/10");
        assertThat(text(split, "split-audit")).contains("nothing crosses the splits");
        Screenshots.save(split.getScene(), "export-wizard-4-split-80-10-10");

        next(robot, split, w.destinationPage());
        DestinationPage destination = w.destinationPage();
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("pairs.train.csv"), "old");
        robot.interact(() -> {
            destination.folder.setText(out.toString());
            destination.name.setText("pairs.csv");
            destination.lookup("#existing-fail").fireEvent(new ActionEvent());
            ((RadioButton) destination.lookup("#existing-fail")).setSelected(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(destination, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled())
                .isTrue();
        assertThat(problemOf(destination)).startsWith("pairs.train.csv already exists.");
        Screenshots.save(destination.getScene(), "export-wizard-5-destination-exists");
        robot.interact(() -> ((RadioButton) destination.lookup("#existing-overwrite")).setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problemOf(destination)).isEmpty();

        next(robot, destination, w.runPage());
        RunPage run = w.runPage();
        robot.interact(() -> run.profileName.setText("csv split"));
        click(robot, run.saveProfile);
        waitFor(() -> new ExportProfiles(store).names().contains("csv split"));
        click(robot, run.run);
        waitFor(() -> run.result() != null);
        assertThat(run.result().splits())
                .containsEntry("train", train)
                .containsEntry("validation", validation)
                .containsEntry("test", test);
        assertThat(run.result().splitCheck().clean()).isTrue();

        Set<String> seen = new HashSet<>();
        long total = 0;
        for (String s : List.of("train", "validation", "test")) {
            Path f = out.resolve("pairs." + s + ".csv");
            assertThat(f).exists();
            List<CSVRecord> records = csv(f);
            total += records.size();
            for (CSVRecord r : records) {
                assertThat(seen.add(r.get("pair_id")))
                        .as("pair " + r.get("pair_id") + " in one split only")
                        .isTrue();
                assertThat(r.get("natural_language_query")).doesNotContain(PairsWithAnEmail.EMAIL);
            }
        }
        assertThat(total).isEqualTo(run.result().written()).isEqualTo(train + validation + test);
        assertThat(train).isGreaterThan(validation).isGreaterThan(0);
        assertThat(test).isGreaterThan(0);
        // the export ran under the saved profile: it is now the last used one, with the split
        assertThat(new ExportProfiles(store).lastUsed()).contains("csv split");
        assertThat(new ExportProfiles(store).load("csv split").orElseThrow().split())
                .hasToString("80/10/10");
        assertThat(new ExportProfiles(store).load("csv split").orElseThrow().format())
                .isEqualTo("csv");
    }

    @Test
    void cancellingTheExportLeavesNoFile(FxRobot robot) throws Exception {
        AtomicLong delay = new AtomicLong(0);
        Database slow = ExportTesting.slow(store, delay);
        ExportContext ctx = ExportTesting.context(slow, jobs, PairFilter.ALL, Set.of(), temp);
        Path out = temp.resolve("slow");
        Files.createDirectories(out);
        ExportWizard w = open(robot, ctx);
        robot.interact(() -> {
            w.viewModel().folder.set(out.toString());
            w.viewModel().fileName.set("never.jsonl");
        });
        for (WizardPane[] step : new WizardPane[][] {
            {w.scopePage(), w.formatPage()},
            {w.formatPage(), w.privacyPage()},
            {w.privacyPage(), w.splitPage()},
            {w.splitPage(), w.destinationPage()},
            {w.destinationPage(), w.runPage()}
        }) {
            waitFor(() -> !button(step[0], ButtonBar.ButtonData.NEXT_FORWARD).isDisabled());
            next(robot, step[0], step[1]);
        }
        RunPage run = w.runPage();
        delay.set(5); // reading the 301 pairs now takes 1.5 s
        click(robot, run.run);
        waitFor(() -> {
            try (Stream<Path> files = Files.list(out)) {
                return files.findAny().isPresent(); // the temporary file is being written
            }
        });
        click(robot, run.cancel);
        waitFor(() -> run.status.getText().equals("Export cancelled; no file was written."));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(button(run, ButtonBar.ButtonData.FINISH).isDisabled()).isTrue();
        Screenshots.save(run.getScene(), "export-wizard-6-cancelled");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static List<CSVRecord> csv(Path f) throws Exception {
        try (Reader r = Files.newBufferedReader(f)) {
            return new ArrayList<>(CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords());
        }
    }
}
