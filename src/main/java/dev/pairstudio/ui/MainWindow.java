package dev.pairstudio.ui;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.ui.pairs.PagedPairList;
import dev.pairstudio.ui.pairs.PairTable;
import java.text.NumberFormat;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;

/** The screen a curator lives in: the pair table in the middle, the status bar below. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final PagedPairList rows;
    private final PairTable table;
    private final StatusBar statusBar = new StatusBar();
    private final Label countLabel = new Label();

    public MainWindow(PairStore store) {
        rows = new PagedPairList(store);
        table = new PairTable(rows);
        root.setId("main-window");
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(MainWindow.class.getResource("pair-studio.css").toExternalForm());
        root.setCenter(table);

        countLabel.setId("match-count");
        statusBar.setText(store.location());
        statusBar.getRightItems().add(countLabel);
        root.setBottom(statusBar);

        NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
        rows.totalProperty().addListener((o, was, now) -> countLabel.setText(format.format(now.longValue()) + " pairs"));
        rows.setOnError(e -> statusBar.setText("Could not load pairs: " + e.getMessage()));
    }

    public Parent root() {
        return root;
    }

    public PairTable table() {
        return table;
    }

    /** Loads the first page of the current filter; call once the store is ready. */
    public void load() {
        rows.reload(PairFilter.ALL, table.currentSort());
    }

    public void dispose() {
        rows.shutdown();
    }
}
