package dev.pairstudio.ui;

import dev.pairstudio.ui.curation.Curator;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Starts or stops the local collector; while it runs, its address and token are one click away. */
final class CollectorToggle extends ToggleButton {
    private final CollectorControl collector;
    private final TaskRunner tasks;
    private final Consumer<String> say;
    private final Runnable dataChanged;
    /** Collected pairs show within 2 s, also while an assistant keeps posting; each refresh re-reads count, page and charts (one a second at ~600k pairs cost the collector a third of its single POSTs). */
    private final Throttle refreshAfterCollect = new Throttle(Duration.seconds(2), this::collectedShown);

    private CollectorControl.Address address;
    private long collected;

    /**
     * @param say         shows a message in the status bar
     * @param dataChanged re-reads the table and the statistics
     */
    CollectorToggle(CollectorControl collector, TaskRunner tasks, Consumer<String> say, Runnable dataChanged) {
        super("Collector off");
        this.collector = collector;
        this.tasks = tasks;
        this.say = say;
        this.dataChanged = dataChanged;
        setId("collector-toggle");
        setMinWidth(USE_PREF_SIZE);
        setTooltip(new Tooltip("Let an assistant post pairs to this database over HTTP on 127.0.0.1"));
        collector.onPairsAdded(n -> Platform.runLater(() -> {
            collected += n;
            refreshAfterCollect.trigger();
        }));
        setOnAction(e -> {
            if (isSelected()) {
                start();
            } else {
                stop();
            }
        });
    }

    /** The collector's address and token while it runs, else null. */
    CollectorControl.Address address() {
        return address;
    }

    private void start() {
        setDisable(true);
        tasks.run(
                "start the collector",
                collector::start,
                started -> {
                    setDisable(false);
                    setText("Collector on");
                    address = started;
                    say.accept("Collector listening at " + started.url() + " — token copied to the clipboard.");
                    ClipboardContent content = new ClipboardContent();
                    content.putString(started.token());
                    Clipboard.getSystemClipboard().setContent(content);
                    setTooltip(new Tooltip("POST pairs to " + started.url() + "/pairs with\nAuthorization: Bearer "
                            + started.token() + "\nClick to stop."));
                },
                error -> {
                    setDisable(false);
                    setSelected(false);
                    say.accept("The collector could not start: " + error.getMessage());
                });
    }

    private void stop() {
        tasks.run(
                "stop the collector",
                () -> {
                    collector.stop();
                    return true;
                },
                done -> {
                    setText("Collector off");
                    address = null;
                    say.accept("Collector stopped.");
                });
    }

    private void collectedShown() {
        say.accept(Curator.count(collected) + " collected" + (address == null ? "" : " at " + address.url()) + ".");
        collected = 0;
        dataChanged.run();
    }
}
