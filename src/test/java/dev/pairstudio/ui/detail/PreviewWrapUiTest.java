package dev.pairstudio.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.privacy.AnonymizedPair;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.Pseudonymizer;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.Screenshots;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import net.datafaker.Faker;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The before/after preview keeps each side inside its column: long e-mail addresses wrap at their
 * dots and @, an SQL quote stays with its value, and a narrow pane stacks the two sides.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewWrapUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private PreviewPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pane = new PreviewPane();
        ui.mount(stage, new HBox(pane), 1200, 600).getScene().getStylesheets().add(UiFixture.sheet("pair-studio.css"));
    }

    /** Widths of the preview pane: at 1280×820 it is about 515 px, at 1024×700 about 390 px, and a wide one. */
    @ParameterizedTest
    @ValueSource(ints = {1100, 515, 490, 470, 390, 300})
    void eachSideStaysInItsColumnAndQuotesStayWithTheirValue(int width, FxRobot robot) {
        Faker faker = new Faker(Locale.UK, new Random(width));
        // a long address of the kind the issue showed, and one datafaker made up
        String longMail =
                "wsgw.afoa-" + faker.name().lastName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
                        + ".reporting+quarterly@mail.example.org";
        String fakerMail =
                faker.internet().emailAddress().replaceAll("[^A-Za-z0-9.@_+-]", ""); // "o'neil@…" is no SQL literal
        Anonymizer anonymizer = new Anonymizer(
                Policy.defaults(),
                new Pseudonymizer("preview-wrap-key-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)));
        AnonymizedPair result = anonymizer.anonymizePair(
                "Which orders did " + longMail + " and " + fakerMail + " place?",
                "SELECT id FROM orders WHERE email IN ('" + longMail + "', '" + fakerMail + "')",
                "postgresql",
                "shop");
        robot.interact(() -> {
            pane.setPrefWidth(width); // the pane's width, in a wider window: the stage is shared with later tests
            pane.setMaxWidth(width);
            pane.show(result, "default");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(pane, "preview-wrap-" + width);

        TextFlow before = robot.lookup("#before-sql").queryAs(TextFlow.class);
        TextFlow after = robot.lookup("#after-sql").queryAs(TextFlow.class);
        assertThat(HighlightedText.markedValues(before)).containsExactly(longMail, fakerMail);
        assertThat(HighlightedText.markedValues(after)).hasSize(2);
        robot.interact(() -> {
            for (String side : new String[] {"question", "sql"}) {
                TextFlow b = robot.lookup("#before-" + side).queryAs(TextFlow.class);
                TextFlow a = robot.lookup("#after-" + side).queryAs(TextFlow.class);
                assertInside(b);
                assertInside(a);
                assertThat(b.localToScene(b.getBoundsInLocal()).intersects(a.localToScene(a.getBoundsInLocal())))
                        .as("before and after of the %s overlap at %d px", side, width)
                        .isFalse();
                assertThat(pane.lookup("#preview-grid").getBoundsInParent().getMaxX())
                        .as("the preview fits the pane at %d px: no horizontal overflow", width)
                        .isLessThanOrEqualTo(pane.getViewportBounds().getWidth() + 1);
            }
            for (TextFlow flow : new TextFlow[] {before, after}) {
                for (Node n : flow.getChildren()) {
                    if (n instanceof Text t) {
                        assertThat(t.getText().strip())
                                .as("a quote on a line of its own")
                                .isNotIn("'", "',", "')", "(");
                    }
                }
                long glued = flow.getChildren().stream()
                        .filter(HBox.class::isInstance)
                        .count();
                assertThat(glued)
                        .as("each quoted value starts and ends with its quote")
                        .isEqualTo(4);
            }
        });
        assertThat(pane.isStacked()).as("stacked at %d px", width).isEqualTo(width < PreviewPane.STACK_BELOW);
        if (pane.isStacked()) {
            robot.interact(() -> assertThat(
                            after.localToScene(after.getBoundsInLocal()).getMinY())
                    .isGreaterThan(
                            before.localToScene(before.getBoundsInLocal()).getMaxY()));
        }
    }

    /**
     * Every mark of a flow lies inside the flow's own bounds (no piece runs into the next column).
     * Plain text is wrapped by the flow itself; its bounds include a space left hanging at a line end.
     */
    private static void assertInside(TextFlow flow) {
        Bounds box = flow.localToScene(flow.getLayoutBounds());
        for (Node n : flow.getChildren()) {
            if (n instanceof Text) {
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMaxX()).as("%s ends inside %s", n, flow.getId()).isLessThanOrEqualTo(box.getMaxX() + 0.5);
        }
    }
}
