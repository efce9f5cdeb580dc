package dev.pairstudio.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * What a user would call broken text on a screen: a label cut to "…", text drawn over other
 * text, and content cut at the right edge of a scroll pane meant to fit its width. Cells (table, list, tree rows) are left out: a long question in a narrow column ends in
 * "…" by design, and the full text is one click away. Call on the FX thread.
 */
public final class LayoutProblems {
    private LayoutProblems() {}

    /** Every problem under {@code root}, one line each (empty when the screen is clean). */
    public static List<String> of(Parent root) {
        List<String> problems = new ArrayList<>();
        visit(root, problems);
        return problems;
    }

    private static void visit(Node node, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof Cell<?>) {
            return;
        }
        if (node instanceof ScrollPane sp && cutAtTheRight(sp)) {
            problems.add("cut at the right: the content of " + describe(sp) + " is "
                    + Math.round(sp.getContent().getLayoutBounds().getWidth()) + " px wide in a "
                    + Math.round(sp.getViewportBounds().getWidth()) + " px view that should fit it");
        }
        if (node instanceof Labeled l && truncated(l)) {
            problems.add("truncated: \"" + l.getText() + "\" shown as \"" + shownText(l) + "\" (" + describe(l) + ")");
        }
        if (node instanceof Parent p && !(node instanceof TextFlow)) {
            List<Node> texts = new ArrayList<>();
            for (Node child : p.getChildrenUnmodifiable()) {
                if (isText(child)) {
                    texts.add(child);
                }
            }
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    if (overlap(texts.get(i), texts.get(j))) {
                        problems.add("overlapping: " + describe(texts.get(i)) + " and " + describe(texts.get(j)));
                    }
                }
            }
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(child, problems);
            }
        }
    }

    /**
     * A scroll pane meant to fit its content's width whose content is wider anyway (a minimum
     * width it cannot go below): the right edge is cut off, or reached only by scrolling sideways.
     */
    static boolean cutAtTheRight(ScrollPane sp) {
        return sp.isFitToWidth()
                && sp.getContent() != null
                && sp.getViewportBounds().getWidth() > 0
                && sp.getContent().getLayoutBounds().getWidth()
                        > sp.getViewportBounds().getWidth() + 1;
    }

    /** A label whose text is drawn shortened: its text node shows something other than its text. */
    static boolean truncated(Labeled l) {
        String text = l.getText();
        if (text == null || text.isEmpty() || l.getWidth() <= 0) {
            return false;
        }
        String shown = shownText(l);
        return shown != null && !shown.equals(text) && !shown.replace("\n", " ").equals(text.replace("\n", " "));
    }

    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static boolean isText(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0 || n instanceof Cell<?>) {
            return false;
        }
        if (n instanceof Labeled l) {
            return l.getText() != null && !l.getText().isBlank() && l.getWidth() > 0;
        }
        return n instanceof Text t && t.getText() != null && !t.getText().isBlank();
    }

    /** Whether two text nodes are drawn over each other (a pixel of touching is not overlap). */
    private static boolean overlap(Node a, Node b) {
        Bounds x = textBounds(a);
        Bounds y = textBounds(b);
        return x.getWidth() > 0
                && y.getWidth() > 0
                && x.getMinX() + 1 < y.getMaxX()
                && y.getMinX() + 1 < x.getMaxX()
                && x.getMinY() + 1 < y.getMaxY()
                && y.getMinY() + 1 < x.getMaxY();
    }

    /** Where the letters are: a label's text node, not its padding or its width grown by layout. */
    private static Bounds textBounds(Node n) {
        if (n instanceof Labeled l) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && child.getStyleClass().contains("text")) {
                    return t.localToScene(t.getBoundsInLocal());
                }
            }
        }
        return n.localToScene(n.getBoundsInLocal());
    }

    private static String describe(Node n) {
        StringBuilder path = new StringBuilder();
        for (Node at = n; at != null && path.length() < 200; at = at.getParent()) {
            String name = at.getId() != null ? "#" + at.getId() : at.getClass().getSimpleName();
            path.insert(0, path.length() == 0 ? name : name + " > ");
        }
        return (n instanceof Labeled l
                        ? "\"" + l.getText() + "\" "
                        : n instanceof Text t ? "\"" + t.getText() + "\" " : "")
                + "in " + path;
    }
}
