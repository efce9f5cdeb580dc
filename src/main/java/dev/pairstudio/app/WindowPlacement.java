package dev.pairstudio.app;

import dev.pairstudio.ui.UiSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's size and position, and never restores it off every screen. */
final class WindowPlacement {
    private WindowPlacement() {}

    static void restore(Stage stage, UiSettings settings) {
        double w = settings.getDouble("window.width", 1280);
        double h = settings.getDouble("window.height", 820);
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        stage.setWidth(Math.max(800, w));
        stage.setHeight(Math.max(500, h));
        if (!Double.isNaN(x)
                && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100))
                        .isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
        stage.setOnHiding(e -> {
            settings.put("window.maximized", stage.isMaximized());
            if (!stage.isMaximized()) {
                settings.put("window.width", stage.getWidth());
                settings.put("window.height", stage.getHeight());
                settings.put("window.x", stage.getX());
                settings.put("window.y", stage.getY());
            }
            settings.save();
        });
    }
}
