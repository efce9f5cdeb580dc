package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pairstudio.testing.UiFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The toasts that say an import or export finished (ControlsFX Notifications) have a background and
 * readable text in both themes: their stylesheet names Modena colours that AtlantaFX does not define,
 * and unstyled they drew as bare text over whatever lay below (with a ClassCastException in the log).
 */
@ExtendWith(ApplicationExtension.class)
class NotificationStyleTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ui.mount(stage, new StackPane(new Label("owner")), 800, 500)
                .getScene()
                .getStylesheets()
                .add(UiFixture.sheet("notifications.css")); // the sheet as MainWindow.install adds it
    }

    @Test
    void aToastHasABackgroundAndReadableTextInLightAndDark(FxRobot robot) throws Exception {
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(
                        dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
                Notifications.create()
                        .owner(stage)
                        .title("Export finished")
                        .text("Exported 1,234 pairs to pairs.jsonl")
                        .showInformation();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane() != null);
            WaitForAsyncUtils.waitForFxEvents();
            Region pane = pane();
            assertThat(pane.getBackground()).as("background (dark %s)", dark).isNotNull();
            Color fill = (Color) pane.getBackground()
                    .getFills()
                    .get(pane.getBackground().getFills().size() - 1)
                    .getFill();
            Label text = (Label) pane.lookupAll(".label").stream()
                    .filter(n -> ((Label) n).getText().startsWith("Exported"))
                    .findFirst()
                    .orElseThrow();
            Color ink = (Color) text.getTextFill();
            assertThat(Math.abs(ink.getBrightness() - fill.getBrightness()))
                    .as("text stands out from the toast (dark %s)", dark)
                    .isGreaterThan(0.5);
            Screenshots.save(pane, "toast-" + (dark ? "dark" : "light"));
            robot.interact(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof PopupWindow)
                    .toList()
                    .forEach(Window::hide));
        }
    }

    private static Region pane() {
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
                Node found = find(w.getScene().getRoot());
                if (found != null) {
                    return (Region) found;
                }
            }
        }
        return null;
    }

    private static Node find(Parent root) {
        for (Node n : root.lookupAll(".notification-bar")) {
            if (n instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    if (child.getStyleClass().contains("pane")) {
                        return child;
                    }
                }
            }
        }
        return null;
    }
}
