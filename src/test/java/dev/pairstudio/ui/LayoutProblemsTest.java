package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.UiFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The screen walk's detector finds what it claims to: a label cut to "…" and text drawn over text, and nothing on a clean screen. */
@ExtendWith(ApplicationExtension.class)
class LayoutProblemsTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private VBox root;

    @Start
    void start(Stage stage) {
        root = ui.mount(stage, new VBox(), 400, 300);
    }

    @Test
    void aCutLabelAndTwoLabelsOnTopOfEachOtherAreProblemsAndAWholeLabelIsNot(FxRobot robot) throws Exception {
        Label cut = new Label("Ctrl+Shift+Delete");
        cut.setMaxWidth(60);
        Label whole = new Label("Whole text");
        Label first = new Label("overlapping one");
        Label second = new Label("overlapping two");
        second.setLayoutX(20); // a Pane does not lay out: the two labels are drawn over each other
        robot.interact(() -> root.getChildren().setAll(new HBox(cut), whole, new Pane(first, second)));
        WaitForAsyncUtils.waitForFxEvents();
        var problems = WaitForAsyncUtils.asyncFx(() -> LayoutProblems.of(root)).get(5, TimeUnit.SECONDS);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("truncated: \"Ctrl+Shift+Delete\" shown as \"Ctrl");
        assertThat(problems.get(1))
                .startsWith("overlapping: \"overlapping one\"")
                .contains("\"overlapping two\"");

        robot.interact(() -> {
            cut.setMaxWidth(Double.MAX_VALUE);
            second.setLayoutY(40);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> LayoutProblems.of(root)).get(5, TimeUnit.SECONDS))
                .isEmpty();
    }

    @Test
    void contentWiderThanAScrollPaneThatShouldFitItIsAProblem(FxRobot robot) throws Exception {
        Label wide = new Label("a legend that will not shrink");
        wide.setMinWidth(600); // the scene is 400 px wide
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new HBox(wide));
        scroll.setFitToWidth(true);
        robot.interact(() -> root.getChildren().setAll(scroll));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> LayoutProblems.of(root))
                        .get(5, java.util.concurrent.TimeUnit.SECONDS))
                .singleElement()
                .asString()
                .startsWith("cut at the right:");

        robot.interact(() -> wide.setMinWidth(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> LayoutProblems.of(root))
                        .get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isEmpty();
    }
}
