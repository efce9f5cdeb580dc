package dev.pairstudio.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: wires services to the main window. */
public final class App extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Pair Studio");
        stage.setScene(new Scene(new Label("Pair Studio"), 1200, 800));
        stage.show();
    }
}
