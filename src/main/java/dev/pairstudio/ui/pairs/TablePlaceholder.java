package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Maintenance;
import java.util.OptionalDouble;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * What the pair table shows while it has no rows: "Loading 1,000,000 pairs…" with the progress of
 * the store's index while the rows of a filter are on their way, and {@code empty} (how to get
 * pairs in) only once the store has answered that there are none. Before, a large database showed
 * "No pairs here… Load demo data" for seconds while it opened.
 */
public final class TablePlaceholder {

    private TablePlaceholder() {}

    /** A node for {@code TableView.setPlaceholder}: the loading state while {@code rows} waits, else {@code empty}. */
    public static Node of(PagedPairList rows, Maintenance store, Node empty) {
        Label text = new Label();
        text.setId("table-loading");
        text.getStyleClass().add("empty-state");
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(260);
        VBox loading = new VBox(10, text, progress);
        loading.setAlignment(Pos.CENTER);
        loading.visibleProperty().bind(rows.waitingProperty());
        empty.visibleProperty().bind(rows.waitingProperty().not());

        Runnable update = () -> {
            long n = rows.expectedProperty().get();
            text.setText(n < 0 ? "Loading pairs…" : "Loading " + Plural.of(n, "pair") + "…");
            OptionalDouble done = store.indexProgress(); // a volatile read, no I/O: fine on the FX thread
            progress.setProgress(done.isPresent() ? done.getAsDouble() : ProgressBar.INDETERMINATE_PROGRESS);
        };
        update.run();
        rows.expectedProperty().addListener((o, was, now) -> update.run());
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(250), e -> update.run()));
        poll.setCycleCount(Timeline.INDEFINITE);
        rows.waitingProperty().addListener((o, was, now) -> {
            if (now) {
                update.run();
                poll.play();
            } else {
                poll.stop();
            }
        });
        if (rows.waitingProperty().get()) {
            poll.play();
        }
        return new StackPane(loading, empty);
    }
}
