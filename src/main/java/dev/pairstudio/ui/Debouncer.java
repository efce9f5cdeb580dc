package dev.pairstudio.ui;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs an action once input has been quiet for a while (typing, J/K through rows). FX thread only. */
public final class Debouncer {
    private final PauseTransition pause;

    public Debouncer(Duration quiet, Runnable action) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> action.run());
    }

    public void trigger() {
        pause.playFromStart();
    }

    public void cancel() {
        pause.stop();
    }
}
