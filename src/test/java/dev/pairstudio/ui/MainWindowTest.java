package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.PairsWithAnEmail;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.detail.HighlightedText;
import dev.pairstudio.ui.filter.FilterViewModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The curator's main screen on a real H2 file: filtering, keyboard review, delete and undo, the preview. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;
    private TableView<StoredPair> table;

    @BeforeAll
    static void buildOnce() {
        PairsWithAnEmail.copy(); // off the FX thread, once
    }

    @Start
    void start(Stage stage) {
        store = ui.database(PairsWithAnEmail.copy());
        window = ui.window(stage, store, 1400, 900);
        table = window.table();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    private String count(FxRobot robot) {
        return robot.lookup("#match-count").queryLabeled().getText();
    }

    @Test
    void filteringNarrowsTheTableAndShowsChips(FxRobot robot) throws Exception {
        waitFor(() -> "301 pairs".equals(count(robot)));
        long selects = store.count(PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT)));
        robot.interact(() -> window.filters().queryTypes.add(QueryType.SELECT));
        waitFor(() -> (selects + " pairs").equals(count(robot)));
        assertThat(table.getItems()).hasSize((int) selects);

        robot.clickOn("#search").write("zed.quill");
        waitFor(() -> "1 pair".equals(count(robot)));
        waitFor(() -> table.getItems().get(0) != null);
        assertThat(table.getItems().get(0).pair().pairId()).isEqualTo("pii-1");
        assertThat(robot.lookup(".chip").queryAll()).hasSize(2);
        Screenshots.save(table.getScene(), "main-window-filtered");

        robot.interact(() -> robot.lookup("#clear-filters").queryButton().fire()); // below the fold of the panel
        waitFor(() -> "301 pairs".equals(count(robot)));
    }

    @Test
    void invalidRegexAndReversedDatesAreExplainedInline(FxRobot robot) throws Exception {
        waitFor(() -> "301 pairs".equals(count(robot)));
        robot.clickOn("#regex");
        robot.clickOn("#search").write("(unclosed").type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#text-error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#text-error").queryAs(Label.class).getText())
                .contains("Not a valid regular expression");
        assertThat(count(robot)).isEqualTo("301 pairs"); // the last valid filter stays

        robot.interact(() -> {
            window.filters().from.set(LocalDate.of(2025, 6, 1));
            window.filters().to.set(LocalDate.of(2025, 5, 1));
        });
        assertThat(robot.lookup("#date-error").queryAs(Label.class).getText()).contains("is after");
        Screenshots.save(table.getScene(), "main-window-inline-errors");
    }

    @Test
    void acceptAndRejectWithTheKeyboard(FxRobot robot) throws Exception {
        waitFor(() -> table.getItems().size() == 301 && table.getItems().get(0) != null);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        long first = table.getItems().get(0).id();
        robot.type(KeyCode.A);
        waitFor(() -> store.get(first).orElseThrow().status() == ReviewStatus.ACCEPTED);
        // accepting moves on to the next unreviewed pair, which R rejects
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 1);
        long second = table.getItems().get(1).id();
        robot.type(KeyCode.R);
        waitFor(() -> store.get(second).orElseThrow().status() == ReviewStatus.REJECTED);
        waitFor(() -> "Rejected"
                .equals(table.getItems().get(1).status().name().charAt(0)
                        + table.getItems().get(1).status().name().substring(1).toLowerCase()));
        // rejecting moved on to row 2; J and K walk the unreviewed rows, K stops above at the reviewed ones
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 2);
        robot.type(KeyCode.J);
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 3);
        robot.type(KeyCode.K);
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 2);
        robot.type(KeyCode.K);
        waitFor(() -> "No unreviewed pair above.".equals(window.statusMessage()));
        assertThat(table.getSelectionModel().getSelectedIndex())
                .as("rows 0 and 1 are reviewed: K stays")
                .isEqualTo(2);
        Screenshots.save(table.getScene(), "main-window-reviewed");
    }

    @Test
    void deleteThenUndo(FxRobot robot) throws Exception {
        waitFor(() -> table.getItems().size() == 301 && table.getItems().get(0) != null);
        long id = table.getItems().get(0).id();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.DELETE);
        waitFor(() -> "300 pairs".equals(count(robot)));
        assertThat(store.get(id).orElseThrow().inTrash()).isTrue();
        assertThat(window.statusMessage()).contains("Deleted 1 pair");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> "301 pairs".equals(count(robot)));
        assertThat(store.get(id).orElseThrow().inTrash()).isFalse();
    }

    @Test
    void deleteEverythingMatchingAsksWithTheCountAndCanBeRestored(FxRobot robot) throws Exception {
        waitFor(() -> "301 pairs".equals(count(robot)));
        long failed = store.count(PairFilter.ALL.withSuccess(false));
        robot.interact(() -> window.filters().outcome.set(FilterViewModel.Outcome.FAILED));
        waitFor(() -> (failed + " pairs").equals(count(robot)));
        robot.clickOn("#delete-matching");
        waitFor(() -> robot.lookup("#confirm-delete-matching").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#confirm-delete-matching").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("Move " + failed + " pairs");
        Button delete = robot.lookup("#confirm-delete-matching-action").queryButton();
        assertThat(delete.getText())
                .as("the button names the action and the count")
                .isEqualTo("Delete " + failed + " pairs");
        assertThat(delete.isDefaultButton()).as("Enter must not destroy").isFalse();
        Screenshots.save(dialog.getScene(), "main-window-delete-matching");
        robot.type(KeyCode.ENTER); // the default button is Cancel
        waitFor(() -> robot.lookup("#confirm-delete-matching").tryQuery().isEmpty());
        assertThat(store.count(PairFilter.ALL.withTrash(true)))
                .as("Enter cancelled")
                .isZero();

        robot.clickOn("#delete-matching");
        waitFor(() -> robot.lookup("#confirm-delete-matching-action").tryQuery().isPresent());
        robot.clickOn("#confirm-delete-matching-action");
        waitFor(() -> "0 pairs".equals(count(robot)));
        assertThat(store.count(PairFilter.ALL)).isEqualTo(301 - failed);
        assertThat(store.count(PairFilter.ALL.withTrash(true))).isEqualTo(failed);

        robot.clickOn("#trash-toggle");
        robot.interact(() -> window.filters().outcome.set(FilterViewModel.Outcome.ANY));
        waitFor(() -> (failed + " in the trash").equals(count(robot)));
        robot.clickOn("#undo");
        waitFor(() -> store.count(PairFilter.ALL) == 301);
    }

    @Test
    void emptyTrashSaysItDeletesTheWholeTrashNotJustWhatTheSearchShows(FxRobot robot) throws Exception {
        waitFor(() -> "301 pairs".equals(count(robot)));
        long failed = store.count(PairFilter.ALL.withSuccess(false));
        store.trash(PairFilter.ALL.withSuccess(false));
        robot.interact(() -> {
            window.filters().trash.set(true);
            window.filters().text.set("zzz-matches-nothing");
        });
        waitFor(() -> "0 in the trash".equals(count(robot)));
        robot.interact(() -> robot.lookup("#empty-trash").queryButton().fire());
        waitFor(() -> robot.lookup("#confirm-empty-trash").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#confirm-empty-trash").queryAs(DialogPane.class);
        assertThat(dialog.getContentText())
                .contains("Delete all " + failed + " pairs in the trash")
                .contains("not only the 0");
        assertThat(dialog.getHeaderText()).contains(failed + " pairs");
        Button empty = robot.lookup("#confirm-empty-trash-action").queryButton();
        assertThat(empty.getText()).isEqualTo("Empty trash: " + failed + " pairs");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#confirm-empty-trash").tryQuery().isEmpty());
        assertThat(store.count(PairFilter.ALL.withTrash(true)))
                .as("Enter cancelled")
                .isEqualTo(failed);
        robot.interact(() -> robot.lookup("#empty-trash").queryButton().fire());
        waitFor(() -> robot.lookup("#confirm-empty-trash-action").tryQuery().isPresent());
        robot.clickOn("#confirm-empty-trash-action");
        waitFor(() -> store.count(PairFilter.ALL.withTrash(true)) == 0);
        waitFor(() -> window.statusMessage().equals("Deleted " + failed + " pairs for good. This cannot be undone."));
        assertThat(store.count(PairFilter.ALL)).isEqualTo(301 - failed);
        waitFor(() ->
                robot.lookup("#trash-banner-text").queryLabeled().getText().equals("Trash — empty."));
    }

    @Test
    void aValueMarkedNotPiiIsNoLongerFlaggedWhenThePairIsEditedAgain(FxRobot robot) throws Exception {
        long id = store.getByPairId("pii-1").orElseThrow().id();
        assertThat(store.get(id).orElseThrow().analysis().piiTypes()).contains("EMAIL");
        robot.interact(() -> window.filters().text.set("zed.quill"));
        waitFor(() -> "1 pair".equals(count(robot)) && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        waitFor(() -> robot.lookup("#preview-findings .button").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#preview-findings .button").queryAll().stream()
                .map(Button.class::cast)
                .filter(b -> b.getText().equals("Not PII"))
                .findFirst()
                .orElseThrow()
                .fire());
        waitFor(() -> window.statusMessage().startsWith("Marked as not personal data"));

        // the edit's fresh analysis runs with the lists as they are now
        robot.interact(() -> table.requestFocus());
        robot.type(KeyCode.E); // Edit pair, from the command table
        waitFor(() -> robot.lookup("#question-editor").tryQuery().isPresent());
        robot.interact(() -> {
            ((TextInputControl) robot.lookup("#question-editor").query()).appendText(" (edited)");
            robot.lookup("#save-edit").queryButton().fire();
        });
        // the edit's text and its fresh analysis are two writes; "Saved." follows both
        waitFor(() -> window.statusMessage().startsWith("Saved."));
        assertThat(store.get(id).orElseThrow().pair().question()).endsWith("(edited)");
        assertThat(store.get(id).orElseThrow().analysis().piiTypes())
                .as("the allow-listed e-mail is not PII any more")
                .isEmpty();
        assertThat(store.get(id).orElseThrow().analysis().has(QualityFlag.CONTAINS_PII))
                .isFalse();
    }

    @Test
    void previewHighlightsEachFindingOnBothSides(FxRobot robot) throws Exception {
        robot.interact(() -> window.filters().text.set("zed.quill"));
        waitFor(() -> "1 pair".equals(count(robot)) && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        waitFor(() -> robot.lookup("#after-question").tryQuery().isPresent());

        TextFlow beforeFlow = robot.lookup("#before-question").queryAs(TextFlow.class);
        TextFlow afterFlow = robot.lookup("#after-question").queryAs(TextFlow.class);
        assertThat(HighlightedText.markedValues(beforeFlow)).containsExactly("zed.quill@example.org");
        List<String> after = HighlightedText.markedValues(afterFlow);
        assertThat(after).hasSize(1);
        assertThat(after.get(0)).contains("@").isNotEqualTo("zed.quill@example.org");
        assertThat(marks(afterFlow))
                .allSatisfy(l -> assertThat(l.getStyleClass()).contains("finding-email"));
        assertThat(marks(beforeFlow))
                .allSatisfy(l -> assertThat(l.getStyleClass()).contains("finding-email"));

        assertThat(HighlightedText.markedValues(robot.lookup("#after-sql").queryAs(TextFlow.class)))
                .containsExactly(after.get(0)); // one value, one surrogate
        Screenshots.save(table.getScene(), "main-window-preview");
    }

    private static List<Label> marks(TextFlow flow) {
        List<Label> out = new ArrayList<>();
        for (Node n : flow.getChildren()) {
            for (Node part : n instanceof HBox glued ? glued.getChildren() : List.of(n)) {
                if (part instanceof Label l && l.getStyleClass().contains("finding")) {
                    out.add(l);
                }
            }
        }
        return out;
    }
}
