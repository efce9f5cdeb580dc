package dev.pairstudio.ui.filter;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The filter panel's state, free of controls so it can be tested without a window. Every edit
 * recomputes {@link #filterProperty()}; a field in error (from after to, a regex that does not
 * compile) keeps the last valid filter and says why in its message property, so a typo never
 * empties the table.
 */
public final class FilterViewModel {
    /** Which success values to show. */
    public enum Outcome {
        ANY,
        SUCCESSFUL,
        FAILED
    }

    public final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    public final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.ANY);
    public final ObservableSet<String> databaseTypes = FXCollections.observableSet(new LinkedHashSet<>());
    public final ObservableSet<String> databaseNames = FXCollections.observableSet(new LinkedHashSet<>());
    public final ObservableSet<QueryType> queryTypes = FXCollections.observableSet(EnumSet.noneOf(QueryType.class));
    public final ObservableSet<ReviewStatus> statuses = FXCollections.observableSet(EnumSet.noneOf(ReviewStatus.class));
    public final ObservableSet<QualityFlag> flags = FXCollections.observableSet(EnumSet.noneOf(QualityFlag.class));
    public final ObservableSet<ComplexityLevel> complexity =
            FXCollections.observableSet(EnumSet.noneOf(ComplexityLevel.class));
    public final ObservableSet<String> piiTypes = FXCollections.observableSet(new LinkedHashSet<>());
    public final ObservableSet<String> tables = FXCollections.observableSet(new LinkedHashSet<>());
    public final StringProperty text = new SimpleStringProperty("");
    public final BooleanProperty regex = new SimpleBooleanProperty(false);
    public final BooleanProperty trash = new SimpleBooleanProperty(false);
    public final ObjectProperty<Long> duplicateGroup = new SimpleObjectProperty<>();

    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper textError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PairFilter> filter = new ReadOnlyObjectWrapper<>(PairFilter.ALL);
    private final ObservableList<Chip> chips = FXCollections.observableArrayList();
    private boolean batching;

    public FilterViewModel() {
        from.addListener((o, a, b) -> update());
        to.addListener((o, a, b) -> update());
        outcome.addListener((o, a, b) -> update());
        regex.addListener((o, a, b) -> update());
        text.addListener((o, a, b) -> update());
        trash.addListener((o, a, b) -> update());
        duplicateGroup.addListener((o, a, b) -> update());
        SetChangeListener<Object> onSet = c -> update();
        for (ObservableSet<?> s :
                List.of(databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables)) {
            @SuppressWarnings("unchecked")
            ObservableSet<Object> set = (ObservableSet<Object>) s;
            set.addListener(onSet);
        }
    }

    public ReadOnlyObjectProperty<PairFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public PairFilter filter() {
        return filter.get();
    }

    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textErrorProperty() {
        return textError.getReadOnlyProperty();
    }

    /** The active filters, one removable chip each. */
    public ObservableList<Chip> chips() {
        return chips;
    }

    /** Applies many changes as one filter change (drill-down, saved filters, clear). */
    public void batch(Runnable changes) {
        batching = true;
        try {
            changes.run();
        } finally {
            batching = false;
        }
        update();
    }

    public void clear() {
        batch(() -> {
            from.set(null);
            to.set(null);
            outcome.set(Outcome.ANY);
            databaseTypes.clear();
            databaseNames.clear();
            queryTypes.clear();
            statuses.clear();
            flags.clear();
            complexity.clear();
            piiTypes.clear();
            tables.clear();
            text.set("");
            regex.set(false);
            duplicateGroup.set(null);
        });
    }

    /** Sets every field from a filter (a saved filter, a drill-down, undoing one). */
    public void apply(PairFilter f) {
        batch(() -> {
            from.set(f.from() == null ? null : LocalDate.ofInstant(f.from(), ZoneOffset.UTC));
            to.set(
                    f.to() == null
                            ? null
                            : LocalDate.ofInstant(f.to(), ZoneOffset.UTC).minusDays(1));
            outcome.set(f.success() == null ? Outcome.ANY : f.success() ? Outcome.SUCCESSFUL : Outcome.FAILED);
            replace(databaseTypes, f.databaseTypes());
            replace(databaseNames, f.databaseNames());
            replace(queryTypes, f.queryTypes());
            replace(statuses, f.statuses());
            replace(flags, f.flags());
            replace(complexity, f.complexity());
            replace(piiTypes, f.piiTypes());
            replace(tables, f.tables());
            text.set(f.text() == null ? "" : f.text());
            regex.set(f.textIsRegex());
            trash.set(f.trash());
            duplicateGroup.set(f.duplicateGroup());
        });
    }

    private static <T> void replace(ObservableSet<T> target, Set<T> values) {
        target.retainAll(values);
        target.addAll(values);
    }

    private void update() {
        if (batching) {
            return;
        }
        PairFilter next = filter.get();
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && f.isAfter(t)) {
            dateError.set("\"From\" " + f + " is after \"to\" " + t + ": swap them or clear one.");
        } else {
            dateError.set("");
            next = next.withDates(
                    f == null ? null : f.atStartOfDay().toInstant(ZoneOffset.UTC),
                    t == null ? null : t.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        String query = text.get() == null ? "" : text.get().trim();
        String regexProblem = regex.get() && !query.isEmpty() ? regexError(query) : null;
        if (regexProblem != null) {
            textError.set(regexProblem);
        } else {
            textError.set("");
            next = next.withText(query, regex.get());
        }
        next = next.withSuccess(outcome.get() == Outcome.ANY ? null : outcome.get() == Outcome.SUCCESSFUL)
                .withDatabaseTypes(Set.copyOf(databaseTypes))
                .withDatabaseNames(Set.copyOf(databaseNames))
                .withQueryTypes(Set.copyOf(queryTypes))
                .withStatuses(Set.copyOf(statuses))
                .withFlags(Set.copyOf(flags))
                .withComplexity(Set.copyOf(complexity))
                .withPiiTypes(Set.copyOf(piiTypes))
                .withTables(Set.copyOf(tables))
                .withTrash(trash.get())
                .withDuplicateGroup(duplicateGroup.get());
        filter.set(next);
        chips.setAll(chipsOf());
    }

    private static String regexError(String pattern) {
        try {
            Pattern.compile(pattern);
            return null;
        } catch (PatternSyntaxException e) {
            return "Not a valid regular expression: " + e.getDescription() + " near position " + e.getIndex()
                    + ". Fix it or turn off \"Regex\".";
        }
    }

    private List<Chip> chipsOf() {
        List<Chip> out = new ArrayList<>();
        if (from.get() != null || to.get() != null) {
            out.add(new Chip(
                    "Date: " + (from.get() == null ? "…" : from.get()) + " – " + (to.get() == null ? "…" : to.get()),
                    () -> batch(() -> {
                        from.set(null);
                        to.set(null);
                    })));
        }
        if (outcome.get() != Outcome.ANY) {
            out.add(new Chip(
                    outcome.get() == Outcome.SUCCESSFUL ? "Successful" : "Failed", () -> outcome.set(Outcome.ANY)));
        }
        addSetChips(out, "DB type", databaseTypes);
        addSetChips(out, "Database", databaseNames);
        addSetChips(out, "Type", queryTypes);
        addSetChips(out, "Status", statuses);
        addSetChips(out, "Flag", flags);
        addSetChips(out, "Complexity", complexity);
        addSetChips(out, "PII", piiTypes);
        addSetChips(out, "Table", tables);
        if (!text.get().isBlank()) {
            out.add(new Chip((regex.get() ? "Regex: " : "Text: ") + text.get().trim(), () -> text.set("")));
        }
        if (duplicateGroup.get() != null) {
            out.add(new Chip("Duplicate group " + duplicateGroup.get(), () -> duplicateGroup.set(null)));
        }
        return out;
    }

    private static <T> void addSetChips(List<Chip> out, String label, ObservableSet<T> set) {
        for (T value : List.copyOf(set)) {
            String shown = value instanceof Enum<?> e
                    ? e.name().charAt(0) + e.name().substring(1).toLowerCase().replace('_', ' ')
                    : value.toString();
            out.add(new Chip(label + ": " + shown, () -> set.remove(value)));
        }
    }

    /** One active filter as the user sees it, and how to remove it. */
    public record Chip(String label, Runnable remove) {}
}
