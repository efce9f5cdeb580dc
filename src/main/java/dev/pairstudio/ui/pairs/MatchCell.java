package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.StoredPair;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A question or SQL cell with the search's matches marked ({@link SearchMatches}). Text before the first match
 * is shortened from the left when the match would otherwise fall outside the column.
 */
final class MatchCell extends TableCell<StoredPair, String> {
    /** Characters kept before the first match; the rest of the lead-in becomes "…". */
    private static final int LEAD_IN = 24;

    private final Supplier<PairFilter> filter;

    MatchCell(Supplier<PairFilter> filter) {
        this.filter = filter;
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        List<int[]> spans = empty || text == null ? List.of() : SearchMatches.in(text, filter.get());
        if (spans.isEmpty()) {
            setGraphic(null);
            setText(empty ? null : text);
            return;
        }
        setText(null);
        HBox line = new HBox();
        line.setMinWidth(0);
        line.setAlignment(Pos.CENTER_LEFT);
        int pos = leadInFits(text.substring(0, spans.get(0)[0])) ? 0 : Math.max(0, spans.get(0)[0] - LEAD_IN);
        if (pos > 0) {
            line.getChildren().add(part("…" + text.substring(pos, spans.get(0)[0]), false));
            pos = spans.get(0)[0];
        }
        for (int[] s : spans) {
            if (s[0] > pos) {
                line.getChildren().add(part(text.substring(pos, s[0]), false));
            }
            line.getChildren().add(part(text.substring(s[0], s[1]), true));
            pos = s[1];
        }
        if (pos < text.length()) {
            Label rest = part(text.substring(pos), false);
            rest.setMinWidth(0); // the only part that may end in "…"
            line.getChildren().add(rest);
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        line.setClip(clip); // never draw into the next column
        setGraphic(line);
    }

    /** Whether the text before the first match leaves room for the match in this cell's width. */
    private boolean leadInFits(String leadIn) {
        Text probe = new Text(leadIn);
        probe.setFont(getFont());
        return getWidth() <= 0 || probe.getLayoutBounds().getWidth() < getWidth() - 100;
    }

    private static Label part(String s, boolean match) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        if (match) {
            l.getStyleClass().add("search-match");
        }
        return l;
    }
}
