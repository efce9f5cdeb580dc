package dev.pairstudio.ui;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action one period after the first request, however many requests come meanwhile: for
 * a stream of events that should show steadily (pairs collected), where a {@link Debouncer} would
 * wait for a pause that never comes. FX thread only.
 */
public final class Throttle {
    private final PauseTransition pause;

    public Throttle(Duration period, Runnable action) {
        pause = new PauseTransition(period);
        pause.setOnFinished(e -> action.run());
    }

    public void trigger() {
        if (pause.getStatus() != Animation.Status.RUNNING) {
            pause.playFromStart();
        }
    }
}
