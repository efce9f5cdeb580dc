package dev.pairstudio.ui.detail;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.schema.ValidationMessage;
import dev.pairstudio.sql.SqlExplainer;
import dev.pairstudio.sql.SqlFormatter;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.ui.Debouncer;
import dev.pairstudio.ui.pairs.SearchMatches;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

/**
 * The selected pair: question and highlighted SQL, review buttons, analysis, metadata, the
 * original text of an edited pair, a note, and an editor whose SQL is re-parsed as you type.
 * It only draws; what a button does is handed to the window through callbacks.
 */
public final class DetailPane extends ScrollPane {
    private final VBox content = new VBox(8);
    private final Label sqlError = new Label();
    private final TextArea questionEditor = new TextArea();
    private final TextArea sqlEditor = new TextArea();
    private final Debouncer validateLater;
    private StoredPair shown;
    private boolean editing;
    /** Where validation messages go (before it), rebuilt on every render. */
    private Label metadataSection;
    /** The shown pair's SQL laid out by clause (the default), or as written. */
    private boolean formattedSql = true;

    private List<ValidationMessage> shownMessages = List.of();

    private Consumer<ReviewStatus> onReview = s -> {};
    private BiConsumer<String, String> onSave = (q, s) -> {};
    private Consumer<String> onNote = n -> {};
    private Consumer<Long> onShowGroup = g -> {};
    private BiConsumer<String, Consumer<String>> sqlValidator = (sql, answer) -> answer.accept("");
    private BiConsumer<Pair, Consumer<List<SqlExplainer.Step>>> sqlExplainer =
            (pair, answer) -> answer.accept(List.of());
    private Supplier<PairFilter> search = () -> PairFilter.ALL;

    public DetailPane() {
        setId("detail-pane");
        setFitToWidth(true);
        content.setPadding(new Insets(10));
        setContent(content);
        questionEditor.setId("question-editor");
        questionEditor.setWrapText(true);
        questionEditor.setPrefRowCount(3);
        sqlEditor.setId("sql-editor");
        sqlEditor.getStyleClass().add("sql-editor");
        sqlEditor.setWrapText(true);
        sqlEditor.setPrefRowCount(6);
        sqlError.setId("sql-error");
        sqlError.getStyleClass().add("field-error");
        sqlError.setWrapText(true);
        validateLater = new Debouncer(Duration.millis(250), this::validateSql);
        sqlEditor.textProperty().addListener((o, was, now) -> validateLater.trigger());
        clear();
    }

    public void setOnReview(Consumer<ReviewStatus> handler) {
        onReview = handler;
    }

    /** Called with the edited question and SQL when the user saves. */
    public void setOnSave(BiConsumer<String, String> handler) {
        onSave = handler;
    }

    public void setOnNote(Consumer<String> handler) {
        onNote = handler;
    }

    public void setOnShowGroup(Consumer<Long> handler) {
        onShowGroup = handler;
    }

    /**
     * Checks SQL off the FX thread: given the SQL, answer with an error message ("" when it
     * parses). The answer is delivered on the FX thread.
     */
    public void setSqlValidator(BiConsumer<String, Consumer<String>> validator) {
        sqlValidator = validator;
    }

    /**
     * Explains SQL off the FX thread ("SQL explained"): given the pair, answer with its steps
     * (none when its SQL does not parse). The answer is delivered on the FX thread.
     */
    public void setSqlExplainer(BiConsumer<Pair, Consumer<List<SqlExplainer.Step>>> explainer) {
        sqlExplainer = explainer;
    }

    /** The filter whose search text is marked in the question and the SQL (the table's). */
    public void setSearch(Supplier<PairFilter> filter) {
        search = filter;
    }

    public StoredPair shown() {
        return shown;
    }

    public boolean isEditing() {
        return editing;
    }

    public void clear() {
        shown = null;
        editing = false;
        Label l = new Label(
                "Select a pair in the table. A accepts, R rejects, J/K move to the next or previous unreviewed pair.");
        l.getStyleClass().add("empty-state");
        l.setWrapText(true);
        content.getChildren().setAll(l);
    }

    public void show(StoredPair p) {
        shown = p;
        editing = false;
        shownMessages = List.of();
        render();
    }

    /**
     * Adds what validation against the schema found (issue 15) below the analysis of pair
     * {@code id}, if it is still the one shown; loaded off the FX thread by the window.
     */
    public void showValidation(long id, String schemaVersion, List<ValidationMessage> messages) {
        if (shown == null || shown.id() != id || editing || messages.isEmpty()) {
            return;
        }
        VBox box = new VBox(2);
        box.setId("detail-validation");
        for (ValidationMessage m : messages) {
            Label l = new Label(
                    "• " + m.text() + (m.field().equals(ValidationMessage.QUESTION) ? " (in the question)" : ""));
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        Label version = new Label(schemaVersion);
        version.getStyleClass().add("muted");
        box.getChildren().add(version);
        int at = content.getChildren().indexOf(metadataSection);
        content.getChildren()
                .addAll(at < 0 ? content.getChildren().size() : at, List.of(section("Schema checks"), box));
        // mark what the messages point at, in the question and in the SQL
        shownMessages = messages;
        List<HighlightedText.Span> inQuestion = spans(messages, ValidationMessage.QUESTION, null);
        if (!inQuestion.isEmpty()) {
            replace("detail-question", HighlightedText.issues(shown.pair().question(), inQuestion, false));
        }
        replace("detail-sql", sqlView(shown.pair()));
    }

    /** The shown pair's SQL, formatted or as written, with what schema checks found in it marked. */
    private Node sqlView(Pair pair) {
        SqlFormatter.Formatted layout = formattedSql ? SqlFormatter.layout(pair.sql(), pair.databaseType()) : null;
        String text = layout == null ? pair.sql() : layout.text();
        List<HighlightedText.Span> marks = spans(shownMessages, ValidationMessage.SQL, layout);
        Node view = marks.isEmpty()
                ? HighlightedText.sql(text, pair.databaseType(), SearchMatches.in(text, search.get()))
                : HighlightedText.issues(text, marks, true);
        view.setId("detail-sql");
        return view;
    }

    private static List<HighlightedText.Span> spans(
            List<ValidationMessage> messages, String field, SqlFormatter.Formatted layout) {
        return messages.stream()
                .filter(m -> m.field().equals(field) && m.start() >= 0)
                .map(m -> layout == null
                        ? new HighlightedText.Span(m.start(), m.end(), m.text())
                        : new HighlightedText.Span(layout.at(m.start()), layout.at(m.end()), m.text()))
                .toList();
    }

    private void replace(String nodeId, Node with) {
        with.setId(nodeId);
        for (int i = 0; i < content.getChildren().size(); i++) {
            if (nodeId.equals(content.getChildren().get(i).getId())) {
                content.getChildren().set(i, with);
                return;
            }
        }
    }

    /** Opens the editor on the shown pair. */
    public void startEditing() {
        if (shown != null && !shown.inTrash()) {
            editing = true;
            render();
            sqlEditor.requestFocus();
        }
    }

    private void render() {
        StoredPair p = shown;
        Pair pair = p.pair();
        content.getChildren().setAll(header(p));
        if (editing) {
            questionEditor.setText(pair.question());
            sqlEditor.setText(pair.sql());
            sqlError.setText("");
            Button save = new Button("Save");
            save.setId("save-edit");
            save.setDefaultButton(true);
            save.disableProperty().bind(sqlError.textProperty().isNotEmpty());
            save.setOnAction(e -> onSave.accept(questionEditor.getText(), sqlEditor.getText()));
            Button cancel = new Button("Cancel");
            cancel.setId("cancel-edit");
            cancel.setOnAction(e -> show(p));
            Label hint = new Label("The original text is kept the first time a pair is edited.");
            hint.getStyleClass().add("muted");
            content.getChildren()
                    .addAll(
                            section("Question"),
                            questionEditor,
                            section("SQL"),
                            sqlEditor,
                            sqlError,
                            new HBox(6, save, cancel),
                            hint);
        } else {
            Node question = questionView(pair.question());
            Button edit = new Button("Edit");
            edit.setId("edit-pair");
            edit.setTooltip(new Tooltip("Edit the question and SQL (E)"));
            edit.setDisable(p.inTrash());
            edit.setOnAction(e -> startEditing());
            content.getChildren()
                    .addAll(
                            section("Question"),
                            question,
                            sqlHeader(),
                            sqlView(pair),
                            edit,
                            section("SQL explained"),
                            explanation(p));
        }
        metadataSection = section("Metadata");
        content.getChildren()
                .addAll(
                        section("Analysis"),
                        PairFacts.analysis(p, group -> onShowGroup.accept(group)), // the handler as set when clicked
                        metadataSection,
                        PairFacts.metadata(p));
        if (p.edited()) {
            Label orig = new Label("Question: " + PairFacts.orDash(p.originalQuestion()) + "\nSQL: "
                    + PairFacts.orDash(p.originalSql()));
            orig.setId("detail-original");
            orig.setWrapText(true);
            orig.getStyleClass().add("muted");
            content.getChildren().addAll(section("Before your edits"), orig);
        }
        TextField note = new TextField(p.note() == null ? "" : p.note());
        note.setId("detail-note");
        note.setPromptText("A note for other reviewers (Enter saves)");
        note.setOnAction(e -> onNote.accept(note.getText()));
        note.focusedProperty().addListener((o, was, now) -> {
            String before = p.note() == null ? "" : p.note();
            if (!now && !note.getText().equals(before)) {
                onNote.accept(note.getText());
            }
        });
        content.getChildren().addAll(section("Note"), note);
    }

    /** The question, with the search's matches marked when there are any. */
    private Node questionView(String question) {
        List<int[]> matches = SearchMatches.in(question, search.get());
        if (!matches.isEmpty()) {
            TextFlow flow = HighlightedText.searched(question, matches);
            flow.setId("detail-question");
            return flow;
        }
        Label plain = new Label(question);
        plain.setId("detail-question");
        plain.setWrapText(true);
        return plain;
    }

    /** "SQL" with the toggle between the clause-by-clause layout and the text as written. */
    private Node sqlHeader() {
        CheckBox formatted = new CheckBox("Formatted");
        formatted.setId("sql-formatted");
        formatted.setSelected(formattedSql);
        formatted.setTooltip(new Tooltip("One clause a line; only white space differs from the stored SQL"));
        formatted.setMinWidth(Region.USE_PREF_SIZE);
        formatted.selectedProperty().addListener((o, was, now) -> {
            formattedSql = now;
            replace("detail-sql", sqlView(shown.pair()));
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, section("SQL"), spacer, formatted);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The SQL as short English steps, filled in when the explainer answers (if the pair is still shown). */
    private Node explanation(StoredPair p) {
        VBox steps = new VBox(2);
        steps.setId("detail-explained");
        sqlExplainer.accept(p.pair(), answer -> {
            if (shown != p || editing) {
                return;
            }
            if (answer.isEmpty()) {
                Label none = new Label("Not available: the SQL does not parse.");
                none.getStyleClass().add("muted");
                steps.getChildren().setAll(none);
                return;
            }
            int number = 0;
            for (SqlExplainer.Step step : answer) {
                Label l = new Label(step.depth() == 0 ? (++number) + ". " + step.text() : "– " + step.text());
                l.setWrapText(true);
                l.setPadding(new Insets(0, 0, 0, 16 * step.depth()));
                l.getStyleClass().add("sql-step");
                steps.getChildren().add(l);
            }
        });
        return steps;
    }

    private Node header(StoredPair p) {
        Label status = new Label(PairFacts.title(p.status().name()));
        status.setId("detail-status");
        status.getStyleClass().add("status-" + p.status().name().toLowerCase(Locale.ROOT));
        Label id = new Label(p.pair().pairId());
        id.getStyleClass().add("muted");
        id.setId("detail-pair-id");
        id.setWrapText(true); // on a line of its own: a 36-character id is never cut to "…" beside the buttons
        id.setMinHeight(Region.USE_PREF_SIZE);
        Button accept = reviewButton("Accept", "accept", ReviewStatus.ACCEPTED, "A");
        Button reject = reviewButton("Reject", "reject", ReviewStatus.REJECTED, "R");
        Button reset = reviewButton("Unreviewed", "unreview", ReviewStatus.UNREVIEWED, "U");
        status.setMinWidth(Region.USE_PREF_SIZE);
        // the buttons wrap onto a second line when the pane is narrow, instead of widening it past its view
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 4, accept, reject, reset);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        buttons.setPrefWrapLength(0);
        HBox.setHgrow(buttons, Priority.ALWAYS);
        HBox box = new HBox(8, status, buttons);
        box.getStyleClass().add("detail-header");
        box.setAlignment(Pos.BASELINE_LEFT); // the status beside the first line of buttons
        if (p.inTrash()) {
            Label trash = new Label("In the trash");
            trash.getStyleClass().add("field-error");
            box.getChildren().add(1, trash);
        }
        return new VBox(2, box, id);
    }

    private Button reviewButton(String text, String id, ReviewStatus status, String key) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(text + " (" + key + ")"));
        b.setDisable(shown.inTrash() || shown.status() == status);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> onReview.accept(status));
        return b;
    }

    private void validateSql() {
        if (!editing) {
            return;
        }
        String sql = sqlEditor.getText();
        sqlValidator.accept(sql, message -> {
            if (editing && sql.equals(sqlEditor.getText())) {
                sqlError.setText(message);
            }
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
