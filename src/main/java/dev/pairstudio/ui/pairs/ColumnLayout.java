package dev.pairstudio.ui.pairs;

import dev.pairstudio.store.StoredPair;
import dev.pairstudio.ui.UiSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Remembers which columns the user hid, moved and resized, and restores them on the next start. */
public final class ColumnLayout {
    private static final String ORDER = "table.columns.order";

    private ColumnLayout() {}

    public static void bind(TableView<StoredPair> table, UiSettings settings) {
        restore(table, settings);
        table.getColumns().addListener((ListChangeListener<TableColumn<StoredPair, ?>>) c -> save(table, settings));
        for (TableColumn<StoredPair, ?> col : table.getColumns()) {
            col.widthProperty()
                    .addListener((o, was, now) -> settings.put(widthKey(col), Math.round(now.doubleValue())));
            col.visibleProperty().addListener((o, was, now) -> {
                if (PairTable.DELETED_AT.equals(col.getId())) {
                    return;
                }
                settings.put(visibleKey(col), now);
                settings.save();
            });
        }
    }

    private static void restore(TableView<StoredPair> table, UiSettings settings) {
        for (TableColumn<StoredPair, ?> col : table.getColumns()) {
            double w = settings.getDouble(widthKey(col), -1);
            if (w > 10) {
                col.setPrefWidth(w);
            }
            if (!PairTable.DELETED_AT.equals(col.getId())) { // shown with the trash, not remembered
                col.setVisible(settings.getBoolean(visibleKey(col), true));
            }
        }
        settings.get(ORDER).ifPresent(order -> {
            List<TableColumn<StoredPair, ?>> sorted = new ArrayList<>(table.getColumns());
            List<String> ids = Arrays.asList(order.split(","));
            sorted.sort((a, b) -> Integer.compare(rank(ids, a.getId()), rank(ids, b.getId())));
            table.getColumns().setAll(sorted);
        });
    }

    private static int rank(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static void save(TableView<StoredPair> table, UiSettings settings) {
        settings.put(
                ORDER,
                String.join(
                        ",", table.getColumns().stream().map(TableColumn::getId).toList()));
        settings.save();
    }

    private static String widthKey(TableColumn<?, ?> c) {
        return "table.column." + c.getId() + ".width";
    }

    private static String visibleKey(TableColumn<?, ?> c) {
        return "table.column." + c.getId() + ".visible";
    }
}
