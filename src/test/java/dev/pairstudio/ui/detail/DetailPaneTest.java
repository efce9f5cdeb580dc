package dev.pairstudio.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.SpiderCorpus;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The detail pane mounted alone, on pairs read back from a real H2 file (Spider's questions):
 * it shows the stored pair, and its buttons hand the reviewer's decision and edits to the window
 * through its callbacks; a pair in the trash cannot be reviewed or edited.
 */
@ExtendWith(ApplicationExtension.class)
class DetailPaneTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private DetailPane pane;
    private final List<ReviewStatus> reviews = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        store = ui.database("detail-pane", db -> {
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SpiderCorpus.Example e = SpiderCorpus.train().get(100 + i);
                pairs.add(TestPair.of("spider-" + i, e.question(), e.sql())
                        .at("2025-03-0" + (i + 1) + "T10:00:00Z")
                        .on("sqlite", e.database())
                        .build());
            }
            db.addAll(pairs, null, Source.FILE, "t");
        });
        pane = ui.mount(stage, new DetailPane(), 700, 800);
        Theme.apply(pane, false);
        pane.setOnReview(reviews::add);
        pane.setOnSave((q, s) -> saved.add(q + " | " + s));
    }

    private StoredPair stored(int index) {
        return store.query(PairFilter.ALL, PairSort.INSERTION, null, 3).rows().get(index);
    }

    @Test
    void showsTheStoredPairAndHandsOnTheReviewersDecision(FxRobot robot) {
        StoredPair p = stored(0);
        robot.interact(() -> pane.show(p));

        assertThat(robot.lookup("#detail-pair-id").queryAs(Label.class).getText())
                .isEqualTo("spider-0");
        assertThat(robot.lookup("#detail-status").queryAs(Label.class).getText())
                .isEqualTo("Unreviewed");
        assertThat(robot.lookup("#unreview").queryButton().isDisabled())
                .as("the status it has")
                .isTrue();
        robot.clickOn("#accept");
        robot.clickOn("#reject");
        assertThat(reviews).containsExactly(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED);
    }

    @Test
    void editingStartsFromTheStoredTextAndSavesWhatWasTyped(FxRobot robot) {
        StoredPair p = stored(1);
        robot.interact(() -> pane.show(p));
        robot.clickOn("#edit-pair");
        TextArea question = robot.lookup("#question-editor").queryAs(TextArea.class);
        TextArea sql = robot.lookup("#sql-editor").queryAs(TextArea.class);
        assertThat(question.getText()).isEqualTo(p.pair().question());
        assertThat(sql.getText()).isEqualTo(p.pair().sql());

        robot.interact(() -> question.setText("Edited: " + p.pair().question()));
        robot.clickOn("#save-edit");
        assertThat(saved)
                .containsExactly(
                        "Edited: " + p.pair().question() + " | " + p.pair().sql());
    }

    @Test
    void aPairInTheTrashCanBeNeitherReviewedNorEdited(FxRobot robot) {
        long id = stored(2).id();
        store.trash(Set.of(id));
        StoredPair trashed = store.get(id).orElseThrow();
        robot.interact(() -> pane.show(trashed));

        for (String button : List.of("#accept", "#reject", "#unreview", "#edit-pair")) {
            assertThat(robot.lookup(button).queryAs(Button.class).isDisabled())
                    .as(button)
                    .isTrue();
        }
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("In the trash");
    }
}
