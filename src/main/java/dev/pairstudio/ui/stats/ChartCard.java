package dev.pairstudio.ui.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One chart on the dashboard: a title, the chart, and "save as PNG" / "copy as CSV" (buttons and context menu). */
final class ChartCard extends VBox {
    private final String id;
    private final Label title = new Label();
    private final HBox actions;
    private final StackPane body = new StackPane();
    private final Map<String, Node> drillNodes = new HashMap<>();
    private ChartNumbers numbers;

    ChartCard(String id, String titleText, Consumer<ChartCard> save, Consumer<ChartCard> copy) {
        this.id = id;
        setId("chart-" + id);
        getStyleClass().add("stats-card");
        title.setText(titleText);
        title.getStyleClass().add("stats-card-title");
        Button png = iconButton(Feather.DOWNLOAD, "Save this chart as PNG…", "save-" + id);
        png.setOnAction(e -> save.accept(this));
        Button csv = iconButton(Feather.COPY, "Copy the numbers behind this chart as CSV", "copy-" + id);
        csv.setOnAction(e -> copy.accept(this));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        actions = new HBox(2, png, csv);
        actions.setAlignment(Pos.CENTER_RIGHT);
        title.setWrapText(true); // a narrow card wraps its title
        title.setMinHeight(Region.USE_PREF_SIZE);
        HBox header = new HBox(6, title, spacer, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("stats-card-header");
        VBox.setVgrow(body, Priority.ALWAYS);
        body.setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(header, body);

        MenuItem saveItem = new MenuItem("Save chart as PNG…");
        saveItem.setOnAction(e -> save.accept(this));
        MenuItem copyItem = new MenuItem("Copy numbers as CSV");
        copyItem.setOnAction(e -> copy.accept(this));
        ContextMenu menu = new ContextMenu(saveItem, copyItem);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    private static Button iconButton(Feather icon, String tip, String buttonId) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(buttonId);
        b.getStyleClass().addAll("flat", "small", "stats-card-action");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    String chartId() {
        return id;
    }

    ChartNumbers numbers() {
        return numbers;
    }

    /** Shows {@code content} for {@code data}; {@code nodes} maps drill keys to the bar or slice drawn for them. */
    void show(ChartNumbers data, Node content, Map<String, Node> nodes) {
        this.numbers = data;
        title.setText(data.title());
        drillNodes.clear();
        drillNodes.putAll(nodes);
        if (data.rows().isEmpty()) {
            Label none = new Label("Nothing to show for this filter");
            none.getStyleClass().add("empty-state");
            StackPane.setAlignment(none, Pos.CENTER);
            body.getChildren().setAll(none);
        } else {
            body.getChildren().setAll(content);
        }
    }

    /** Keeps the title and says the numbers are on their way. */
    void showPending(ChartNumbers data) {
        this.numbers = data;
        drillNodes.clear();
        Label wait = new Label("Counting…");
        wait.getStyleClass().add("empty-state");
        StackPane.setAlignment(wait, Pos.CENTER);
        body.getChildren().setAll(wait);
    }

    /** The bar or slice drawn for {@code key}, null when there is none. */
    Node drillNode(String key) {
        return drillNodes.get(key);
    }

    /** The card as an image, without its buttons. FX thread. */
    WritableImage snapshot() {
        actions.setVisible(false);
        try {
            return snapshot(null, null);
        } finally {
            actions.setVisible(true);
        }
    }
}
