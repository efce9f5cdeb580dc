package dev.pairstudio.app;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs once, when the window first lays out a row of pairs, how long after the process started
 * that was: the start-up figure a user meets (issue 24: ≤ 2 s on a 1M-pair file), readable in
 * the log of any installation and by {@code installer/measure-startup.sh --rows}. Counts and
 * seconds only, never pair text.
 */
final class FirstRowsLog {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRowsLog.class);
    /** The log line's start, as the measuring script looks for it. */
    static final String MARK = "First rows shown";

    private FirstRowsLog() {}

    /** Watches {@code table}, whose scene is {@code scene}, until its first row holds a pair. */
    static void watch(Scene scene, TableView<?> table) {
        watch(scene, table, LOG::info);
    }

    /** As {@link #watch(Scene, TableView)}, with the line given to {@code log}. */
    static void watch(Scene scene, TableView<?> table, Consumer<String> log) {
        ObservableList<?> items = table.getItems();
        ListChangeListener<Object> listener = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<?> change) {
                if (!items.isEmpty() && items.get(0) != null) {
                    items.removeListener(this);
                    logAfterLayout(scene, items.size(), log);
                }
            }
        };
        items.addListener(listener);
        listener.onChanged(null); // the rows may be there already
    }

    /** After the pulse that lays the rows out (the next frame draws them). */
    private static void logAfterLayout(Scene scene, int rows, Consumer<String> log) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                double seconds = (System.currentTimeMillis()
                                - ManagementFactory.getRuntimeMXBean().getStartTime())
                        / 1000.0;
                log.accept(String.format("%s %.2f s after the process started (%,d rows)", MARK, seconds, rows));
            }
        };
        scene.addPostLayoutPulseListener(once);
    }
}
