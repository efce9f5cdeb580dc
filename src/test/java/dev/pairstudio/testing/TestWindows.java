package dev.pairstudio.testing;

import dev.pairstudio.store.Database;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as the app shows it, for UI tests: on {@code stage}, shortcuts installed, first page loading. */
public final class TestWindows {
    private TestWindows() {}

    /** Call on the FX thread (a TestFX {@code @Start} method). */
    public static MainWindow show(Stage stage, Database store, Path settings, double width, double height) {
        return show(stage, new MainWindow(store, new BackgroundJobs(), new UiSettings(settings)), width, height);
    }

    /** {@code window} as the app shows it, for a window built with its own jobs or collector (the benchmarks). FX thread. */
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
