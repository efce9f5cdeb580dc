package dev.pairstudio.testing;

import dev.pairstudio.ui.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as the app shows it, for UI tests: on {@code stage}, shortcuts installed, first page loading. */
public final class TestWindows {
    private TestWindows() {}

    /** {@code window} as the app shows it, for {@link UiFixture} and the benchmark mains. FX thread. */
    public static MainWindow show(Stage stage, MainWindow window, double width, double height) {
        Scene scene = new Scene(window.root(), width, height);
        window.install(scene);
        stage.setScene(scene);
        stage.sizeToScene(); // TestFX reuses one stage: without this it keeps the size an earlier test gave it
        stage.show();
        window.load();
        return window;
    }
}
