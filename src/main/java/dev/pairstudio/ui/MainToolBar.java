package dev.pairstudio.ui;

import dev.pairstudio.ui.command.CommandTable;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.pairs.PairsViewModel;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window's toolbar: buttons from the command table, the trash toggle, the collector and help at the right. */
final class MainToolBar {
    private MainToolBar() {}

    static ToolBar create(
            CommandTable commands, PairsViewModel pairs, FilterViewModel filters, CollectorToggle collector) {
        ToggleButton trash = new ToggleButton("Trash");
        trash.setId("trash-toggle");
        trash.setTooltip(new Tooltip("Show the trash: restore pairs or empty it"));
        trash.selectedProperty().bindBidirectional(filters.trash);
        Button quickExport = commands.button("quick-export");
        Button deleteMatching = commands.button("delete-matching");
        Button restore = commands.button("restore");
        Button emptyTrash = commands.button("empty-trash");
        // the trash has buttons of its own instead of the two that act on live pairs: all four do not fit at 1024 px
        BooleanExpression inTrash = pairs.emptyTrash.executableProperty();
        for (Button b : List.of(quickExport, deleteMatching, restore, emptyTrash)) {
            b.visibleProperty().bind(b == restore || b == emptyTrash ? inTrash : inTrash.not());
            b.managedProperty().bind(b.visibleProperty());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(
                commands.button("import"),
                commands.button("export"),
                quickExport,
                new Separator(),
                commands.button("undo"),
                new Separator(),
                deleteMatching,
                trash,
                restore,
                emptyTrash,
                spacer,
                collector,
                commands.button("help"));
    }
}
