package dev.pairstudio.ui.filter;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.ui.pairs.FlagLabels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The filter panel on the left: every field of the filter, and inline messages beside fields in
 * error (the active filters show as chips above the table, {@code ui/pairs/TableHeader}). A
 * drop-down with nothing checked says "Any". The search box waits until typing pauses.
 */
public final class FilterPanel extends ScrollPane {
    private static final Duration TYPING_PAUSE = Duration.millis(300);

    private final FilterViewModel vm;
    private final CheckComboBox<String> databaseTypes = new CheckComboBox<>();
    private final CheckComboBox<String> databaseNames = new CheckComboBox<>();
    private final ComboBox<String> savedFilters = new ComboBox<>();
    private Consumer<String> onLoadSaved = n -> {};
    /** What each drop-down choice would show, counted in the background ({@link #setCounts}). */
    private ChoiceCounts counts = ChoiceCounts.NONE;
    /** Sets each drop-down's converter again, so that its choices show the counts as they are now. */
    private final List<Runnable> relabel = new ArrayList<>();

    private Consumer<String> onSave = n -> {};

    public FilterPanel(FilterViewModel vm) {
        this.vm = vm;
        setId("filter-panel");
        getStyleClass().add("filter-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.setPrefWidth(250);

        savedFilters.setId("saved-filters");
        savedFilters.setPromptText("Saved filters");
        savedFilters.setMaxWidth(Double.MAX_VALUE);
        savedFilters.setOnAction(e -> {
            String name = savedFilters.getValue();
            if (name != null) {
                onLoadSaved.accept(name);
            }
        });
        HBox.setHgrow(savedFilters, Priority.ALWAYS);
        Button save = new Button("Save…");
        save.setId("save-filter");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setTooltip(new Tooltip("Save the current filter under a name"));
        save.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(getScene().getWindow());
            ask.setHeaderText("Save the current filter");
            ask.setContentText("Name:");
            ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(onSave);
        });
        box.getChildren().addAll(new HBox(4, savedFilters, save));
        box.getChildren().addAll(heading("Search"), searchRow(), errorLabel("text-error", vm.textErrorProperty()));

        DatePicker from = new DatePicker();
        from.setId("date-from");
        from.setPromptText("From");
        from.valueProperty().bindBidirectional(vm.from);
        DatePicker to = new DatePicker();
        to.setId("date-to");
        to.setPromptText("To");
        to.valueProperty().bindBidirectional(vm.to);
        box.getChildren()
                .addAll(heading("Date (UTC, inclusive)"), from, to, errorLabel("date-error", vm.dateErrorProperty()));

        ChoiceBox<FilterViewModel.Outcome> outcome = new ChoiceBox<>();
        outcome.setId("outcome");
        outcome.getItems().setAll(FilterViewModel.Outcome.values());
        outcome.setConverter(converter(o -> o == FilterViewModel.Outcome.ANY
                ? "Any outcome"
                : o == FilterViewModel.Outcome.SUCCESSFUL ? "Successful only" : "Failed only"));
        outcome.valueProperty().bindBidirectional(vm.outcome);
        outcome.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().addAll(heading("Execution"), outcome);

        databaseTypes.setId("database-types");
        databaseNames.setId("database-names");
        box.getChildren()
                .addAll(
                        heading("Database type"),
                        multi(databaseTypes, vm.databaseTypes, s -> s, ChoiceCounts.Dimension.DATABASE_TYPE));
        box.getChildren()
                .addAll(
                        heading("Database"),
                        multi(databaseNames, vm.databaseNames, s -> s, ChoiceCounts.Dimension.DATABASE_NAME));

        CheckComboBox<QueryType> types = new CheckComboBox<>();
        types.setId("query-types");
        types.getItems().setAll(QueryType.values());
        box.getChildren()
                .addAll(
                        heading("Query type"),
                        multi(types, vm.queryTypes, Enum::name, ChoiceCounts.Dimension.QUERY_TYPE));

        CheckComboBox<ReviewStatus> statuses = new CheckComboBox<>();
        statuses.setId("statuses");
        statuses.getItems().setAll(ReviewStatus.values());
        box.getChildren()
                .addAll(
                        heading("Review status"),
                        multi(statuses, vm.statuses, FilterPanel::title, ChoiceCounts.Dimension.STATUS));

        CheckComboBox<ComplexityLevel> complexity = new CheckComboBox<>();
        complexity.setId("complexity");
        complexity.getItems().setAll(ComplexityLevel.values());
        box.getChildren()
                .addAll(
                        heading("Complexity"),
                        multi(complexity, vm.complexity, FilterPanel::title, ChoiceCounts.Dimension.COMPLEXITY));

        box.getChildren().add(heading("Quality flags (all of)"));
        for (QualityFlag f : QualityFlag.values()) {
            CheckBox cb = new CheckBox(FlagLabels.longLabel(f));
            cb.setWrapText(true); // a narrow panel wraps a long flag name instead of cutting it
            cb.setMinHeight(Region.USE_PREF_SIZE);
            cb.setId("flag-" + f.name().toLowerCase());
            cb.setSelected(vm.flags.contains(f));
            cb.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    vm.flags.add(f);
                } else {
                    vm.flags.remove(f);
                }
            });
            vm.flags.addListener((SetChangeListener<QualityFlag>) c -> cb.setSelected(vm.flags.contains(f)));
            box.getChildren().add(cb);
        }

        setContent(box);
    }

    /** The database types and names to offer, read from the store in the background by the caller. */
    public void setChoices(List<String> types, List<String> names) {
        databaseTypes.getItems().setAll(types);
        databaseNames.getItems().setAll(names);
        syncChecks(databaseTypes, vm.databaseTypes);
        syncChecks(databaseNames, vm.databaseNames);
    }

    /** Shows how many pairs each drop-down choice would show ("sqlite (1,204)"); {@link ChoiceCounts#NONE} while counting. */
    public void setCounts(ChoiceCounts now) {
        counts = now;
        relabel.forEach(Runnable::run);
    }

    /** The name of a choice and, once counted, its count. */
    private <T> String label(T item, Function<T, String> name, ChoiceCounts.Dimension d) {
        Long n = counts.count(d, item);
        return n == null ? name.apply(item) : name.apply(item) + " (" + dev.pairstudio.pair.Plural.number(n) + ")";
    }

    /** The names of the saved filters, and what choosing or saving one does (the window persists them). */
    public void setSavedFilters(List<String> names, Consumer<String> load, Consumer<String> save) {
        savedFilters.getItems().setAll(names);
        onLoadSaved = load;
        onSave = save;
    }

    private HBox searchRow() {
        TextField search = new TextField(vm.text.get());
        search.setId("search");
        search.setPromptText("Question or SQL");
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> vm.text.set(search.getText()));
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());
        search.setOnAction(e -> {
            pause.stop();
            vm.text.set(search.getText());
        });
        vm.text.addListener((o, was, now) -> {
            if (!now.equals(search.getText())) {
                search.setText(now);
            }
        });
        ToggleButton regex = new ToggleButton(".*");
        regex.setId("regex");
        regex.setTooltip(new Tooltip("Search with a regular expression"));
        regex.selectedProperty().bindBidirectional(vm.regex);
        return new HBox(4, search, regex);
    }

    private <T> CheckComboBox<T> multi(
            CheckComboBox<T> box, ObservableSet<T> target, Function<T, String> name, ChoiceCounts.Dimension d) {
        Runnable setLabels = () ->
                box.setConverter(converter(t -> label(t, name, d))); // a new converter: the list's cells draw again
        setLabels.run();
        relabel.add(setLabels);
        box.setMaxWidth(Double.MAX_VALUE);
        // nothing checked filters nothing: say so instead of showing an empty box
        box.titleProperty()
                .bind(Bindings.when(Bindings.isEmpty(box.getCheckModel().getCheckedItems()))
                        .then("Any")
                        .otherwise((String) null));
        syncChecks(box, target);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            Collection<T> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            target.retainAll(checked);
            target.addAll(checked);
        });
        target.addListener((SetChangeListener<T>) c -> syncChecks(box, target));
        return box;
    }

    private static <T> void syncChecks(CheckComboBox<T> box, ObservableSet<T> target) {
        for (T item : box.getItems()) {
            boolean want = target.contains(item);
            if (box.getCheckModel().isChecked(item) != want) {
                if (want) {
                    box.getCheckModel().check(item);
                } else {
                    box.getCheckModel().clearCheck(item);
                }
            }
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("filter-heading");
        return l;
    }

    private static Label errorLabel(String id, ObservableStringValue message) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.textProperty().bind(message);
        l.visibleProperty().bind(Bindings.isNotEmpty(message));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static String title(Enum<?> e) {
        return e.name().charAt(0) + e.name().substring(1).toLowerCase();
    }
}
