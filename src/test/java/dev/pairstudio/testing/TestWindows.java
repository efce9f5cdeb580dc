package dev.pairstudio.testing;

import dev.pairstudio.store.PairStore;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as the app shows it, for UI tests: on {@code stage}, shortcuts installed, first page loading. */
public final class TestWindows {
    private TestWindows() {
    }

    /** Call on the FX thread (a TestFX {@code @Start} method). */
    public static MainWindow show(Stage stage, PairStore store, Path settings, double width, double height) {
        MainWindow window = new MainWindow(store, new BackgroundJobs(), new UiSettings(settings));
        Scene scene = new Scene(window.root(), width, height);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
        window.load();
        return window;
    }
}
