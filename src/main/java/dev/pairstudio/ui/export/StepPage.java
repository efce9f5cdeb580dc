package dev.pairstudio.ui.export;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.controlsfx.validation.ValidationSupport;

/**
 * A page of the export wizard: a header with the step, title and a one-line explanation; a
 * {@link ValidationSupport} for its fields; and an inline message saying why Next is disabled.
 * On entering, the wizard's {@code invalidProperty()} is bound to this page's state (the
 * ControlsFX HelloDialogs pattern).
 */
abstract class StepPage extends WizardPane {
    static final int STEPS = 6;
    static final double WIDTH = 980;
    static final double HEIGHT = 680;

    final ExportViewModel vm;
    final ValidationSupport validation = new ValidationSupport();
    final Label problem = new Label();
    private final ObservableStringValue problemText;

    StepPage(
            ExportViewModel vm,
            String id,
            int step,
            String title,
            String explanation,
            ObservableStringValue problemText) {
        this.vm = vm;
        this.problemText = problemText;
        setId(id);
        getStyleClass().add("export-wizard-page");
        getStylesheets()
                .add(Objects.requireNonNull(StepPage.class.getResource("/dev/pairstudio/ui/pair-studio.css"))
                        .toExternalForm());
        Label stepLabel = new Label("Step " + step + " of " + STEPS);
        stepLabel.getStyleClass().add("wizard-step");
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("wizard-title");
        Label explain = new Label(explanation);
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        VBox header = new VBox(2, stepLabel, titleLabel, explain);
        header.getStyleClass().add("wizard-header");
        setHeader(header);
        setGraphic(null);
        problem.setId(id + "-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(problemText);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        validation.setErrorDecorationEnabled(true);
    }

    /** Lays out the page's body with the problem line under it. */
    void body(Node content) {
        VBox box = new VBox(10, content, problem);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("wizard-body");
        box.setMinHeight(Region.USE_PREF_SIZE);
        setContent(box);
    }

    /** True while Next must stay disabled. */
    BooleanBinding invalid() {
        return Bindings.createBooleanBinding(
                () -> Boolean.TRUE.equals(validation.isInvalid())
                        || !problemText.get().isEmpty(),
                validation.invalidProperty(),
                problemText);
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        entered();
        wizard.invalidProperty().unbind();
        wizard.invalidProperty().bind(invalid());
    }

    /** Refreshes what the page shows from the other pages' choices (counts, previews). */
    void entered() {}

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }
}
