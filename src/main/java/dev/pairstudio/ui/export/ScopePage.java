package dev.pairstudio.ui.export;

import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.PairReader;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 1: which pairs (all, the current filter, the selection; accepted only), with their counts; and a profile to start from. */
final class ScopePage extends StepPage {
    static final String NO_PROFILE = "Default settings";

    private final ExportContext ctx;
    private final Latest<long[]> counting;
    private final Latest<long[]> scopeCounting;
    final ComboBox<String> profiles = new ComboBox<>();
    private final RadioButton all = new RadioButton();
    private final RadioButton filter = new RadioButton();
    private final RadioButton selection = new RadioButton();
    private final CheckBox accepted = new CheckBox();
    private final Label total = new Label();

    ScopePage(
            ExportViewModel vm,
            ExportContext ctx,
            List<String> profileNames,
            String lastUsed,
            Consumer<String> onProfile) {
        super(
                vm,
                "export-scope",
                1,
                "What to export",
                "Choose the pairs. The trash is never exported.",
                vm.scopeProblemProperty());
        this.ctx = ctx;
        this.counting = new Latest<>(ctx.jobs());
        this.scopeCounting = new Latest<>(ctx.jobs());

        profiles.setId("export-profile-choice");
        profiles.getItems().add(NO_PROFILE);
        profiles.getItems().addAll(profileNames);
        profiles.setValue(lastUsed != null && profileNames.contains(lastUsed) ? lastUsed : NO_PROFILE);
        profiles.valueProperty().addListener((o, was, now) -> onProfile.accept(NO_PROFILE.equals(now) ? null : now));
        HBox profileRow = new HBox(
                8,
                new Label("Start from profile:"),
                profiles,
                muted(
                        profileNames.isEmpty()
                                ? "Save settings as a profile on the last page."
                                : "Its format, privacy, split and folder."));
        profileRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup group = new ToggleGroup();
        all.setId("scope-all");
        filter.setId("scope-filter");
        selection.setId("scope-selection");
        for (RadioButton b : List.of(all, filter, selection)) {
            b.setToggleGroup(group);
            b.getStyleClass().add("scope-choice");
        }
        all.setUserData(ExportViewModel.Scope.ALL);
        filter.setUserData(ExportViewModel.Scope.FILTER);
        selection.setUserData(ExportViewModel.Scope.SELECTION);
        selection.setDisable(vm.selectionSize() == 0);
        group.selectToggle(
                vm.scope.get() == ExportViewModel.Scope.ALL
                        ? all
                        : vm.scope.get() == ExportViewModel.Scope.FILTER ? filter : selection);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.scope.set((ExportViewModel.Scope) now.getUserData());
            }
        });
        vm.scope.addListener((o, was, now) -> group.selectToggle(
                now == ExportViewModel.Scope.ALL ? all : now == ExportViewModel.Scope.FILTER ? filter : selection));
        accepted.setId("scope-accepted");
        accepted.selectedProperty().bindBidirectional(vm.acceptedOnly);
        total.setId("scope-count");
        total.getStyleClass().add("export-big-count");

        for (Observable o : List.of(vm.allCount, vm.filterCount, vm.acceptedCount, vm.scopeCount)) {
            o.addListener(x -> labels());
        }
        vm.scope.addListener((o, was, now) -> countScope());
        vm.acceptedOnly.addListener((o, was, now) -> countScope());
        labels();

        VBox choices = new VBox(10, all, filter, selection);
        choices.setPadding(new Insets(0, 0, 0, 12));
        VBox box = new VBox(14, profileRow, heading("Pairs"), choices, accepted, total);
        body(box);
    }

    private void labels() {
        all.setText("All pairs" + count(vm.allCount.get()));
        filter.setText(
                (vm.filterIsAll() ? "The current filter (no filter is set)" : "The pairs the current filter shows")
                        + count(vm.filterCount.get()));
        selection.setText(
                vm.selectionSize() == 0
                        ? "The selected rows (select rows in the table first)"
                        : "The selected rows" + count(vm.selectionSize()));
        accepted.setText("Only pairs a reviewer accepted"
                + (vm.acceptedCount.get() < 0
                        ? ""
                        : " (" + ExportViewModel.count(vm.acceptedCount.get()) + " in this scope)"));
        long n = vm.scopeCount.get();
        total.setText(
                n < 0
                        ? "Counting…"
                        : ExportViewModel.pairs(n) + " to export"
                                + (vm.dedup.get() ? " (before dropping exact duplicates)" : ""));
    }

    private static String count(long n) {
        return n < 0 ? "  …" : "  —  " + ExportViewModel.pairs(n);
    }

    @Override
    void entered() {
        PairReader store = ctx.store();
        PairFilter current = ctx.currentFilter();
        counting.submit(
                job -> new long[] {store.count(PairFilter.ALL), store.count(current)},
                c -> {
                    vm.allCount.set(c[0]);
                    vm.filterCount.set(c[1]);
                },
                e -> total.setText("Could not count: " + e.getMessage()));
        countScope();
    }

    private void countScope() {
        vm.scopeCount.set(-1);
        vm.acceptedCount.set(-1);
        DatasetExporter exporter = new DatasetExporter(ctx.store(), ctx.presetsFolder());
        var withAccepted = vm.profile(null);
        // the same scope, accepted pairs only: what the "accepted only" box would leave
        var scopeOnly = withAccepted.with(c -> c.acceptedOnly = true);
        scopeCounting.submit(
                job -> {
                    long n = ctx.store().count(exporter.effectiveFilter(withAccepted));
                    long acc = ctx.store().count(exporter.effectiveFilter(scopeOnly));
                    return new long[] {n, acc};
                },
                v -> {
                    vm.scopeCount.set(v[0]);
                    vm.acceptedCount.set(v[1]);
                },
                e -> total.setText("Could not count: " + e.getMessage()));
    }
}
