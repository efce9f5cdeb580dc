package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.StoredPair;
import java.util.Locale;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The review status as a word, an icon and a colour (never colour alone): a check for accepted,
 * a cross for rejected, an empty circle for not reviewed yet.
 */
final class StatusCell extends TableCell<StoredPair, ReviewStatus> {
    private static final String[] STYLES = {"status-accepted", "status-rejected", "status-unreviewed"};

    @Override
    protected void updateItem(ReviewStatus status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeAll(STYLES);
        if (empty || status == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(label(status));
        FontIcon icon = new FontIcon(
                switch (status) {
                    case ACCEPTED -> Feather.CHECK_CIRCLE;
                    case REJECTED -> Feather.X_CIRCLE;
                    default -> Feather.CIRCLE;
                });
        icon.getStyleClass().add("status-icon");
        setGraphic(icon);
        getStyleClass().add("status-" + status.name().toLowerCase(Locale.ROOT));
    }

    static String label(ReviewStatus s) {
        return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
