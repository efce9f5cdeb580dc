package dev.pairstudio.ui.export;

import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportEstimate;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.export.SplitAudit;
import dev.pairstudio.export.SplitRatios;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.ui.Debouncer;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.validation.ValidationResult;

/** Step 4: train/validation/test split, duplicate removal and what is kept together, with the resulting counts per split. */
final class SplitPage extends StepPage {
    private final ExportContext ctx;
    private final Latest<ExportEstimate.SplitCounts> counting;
    private final Debouncer later = new Debouncer(Duration.millis(250), this::count);
    final CheckBox split = new CheckBox("Split into train, validation and test files");
    final TextField train = share("split-train");
    final TextField validationShare = share("split-validation");
    final TextField test = share("split-test");
    private final TextField seed = new TextField();
    private final CheckBox dedup =
            new CheckBox("Drop exact duplicates (same question and SQL; keeps the accepted one, else the latest)");
    private final CheckBox stratify =
            new CheckBox("Balance complexity too (query types are always balanced); counts per split in the manifest");
    private final Label forced = muted("");
    private final GridPane result = new GridPane();
    private final Label resultStatus = new Label();
    private final Label planStatus = new Label();
    private final Label auditStatus = new Label();

    SplitPage(ExportViewModel vm, ExportContext ctx) {
        super(
                vm,
                "export-split",
                4,
                "Split and duplicates",
                "Related pairs stay in one split, so the test set never sees a template the model trained on.",
                vm.splitProblemProperty());
        this.ctx = ctx;
        this.counting = new Latest<>(ctx.jobs());

        split.setId("split-on");
        split.selectedProperty().bindBidirectional(vm.split);
        train.textProperty().bindBidirectional(vm.train);
        validationShare.textProperty().bindBidirectional(vm.validation);
        test.textProperty().bindBidirectional(vm.test);
        for (TextField f : List.of(train, validationShare, test)) {
            f.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.splitting(), vm.split, vm.format));
            validation.registerValidator(
                    f,
                    false,
                    (c, v) -> ValidationResult.fromErrorIf(c, "A whole number from 0 to 100", !validShare((String) v)));
        }
        HBox shares = new HBox(
                6,
                new Label("Train"),
                train,
                new Label("%"),
                gap(),
                new Label("Validation"),
                validationShare,
                new Label("%"),
                gap(),
                new Label("Test"),
                test,
                new Label("%"));
        shares.setAlignment(Pos.CENTER_LEFT);
        shares.setPadding(new Insets(0, 0, 0, 24));

        ToggleGroup by = new ToggleGroup();
        RadioButton template =
                new RadioButton("Keep pairs of one SQL template, duplicate group or near-duplicate question together");
        template.setId("group-template");
        RadioButton database = new RadioButton("Also keep pairs of one database together (Spider style)");
        database.setId("group-database");
        template.setToggleGroup(by);
        database.setToggleGroup(by);
        by.selectToggle(vm.grouping.get() == SplitAssigner.Grouping.DATABASE ? database : template);
        by.selectedToggleProperty()
                .addListener((o, was, now) -> vm.grouping.set(
                        now == database ? SplitAssigner.Grouping.DATABASE : SplitAssigner.Grouping.TEMPLATE));
        vm.grouping.addListener(
                (o, was, now) -> by.selectToggle(now == SplitAssigner.Grouping.DATABASE ? database : template));
        seed.setId("split-seed");
        seed.setPrefColumnCount(8);
        seed.textProperty().bindBidirectional(vm.seed);
        validation.registerValidator(
                seed,
                false,
                (c, v) -> ValidationResult.fromErrorIf(c, "A whole number, such as 42", !isLong((String) v)));
        HBox seedRow = new HBox(8, new Label("Seed"), seed, muted("The same seed gives the same split every time."));
        seedRow.setAlignment(Pos.CENTER_LEFT);
        VBox grouping = new VBox(6, template, database, seedRow);
        grouping.setPadding(new Insets(0, 0, 0, 24));
        grouping.disableProperty().bind(train.disableProperty());
        dedup.setId("split-dedup");
        dedup.selectedProperty().bindBidirectional(vm.dedup);
        stratify.setId("split-stratify");
        stratify.selectedProperty().bindBidirectional(vm.stratify);

        result.setId("split-counts");
        result.setHgap(12);
        result.setVgap(6);
        result.getColumnConstraints()
                .setAll(new ColumnConstraints(90), new ColumnConstraints(90), new ColumnConstraints(320));
        resultStatus.setId("split-status");
        resultStatus.getStyleClass().add("muted");
        planStatus.setId("split-plan");
        planStatus.setWrapText(true);
        auditStatus.setId("split-audit");
        auditStatus.setWrapText(true);

        for (Observable o : List.of(
                vm.split, vm.train, vm.validation, vm.test, vm.seed, vm.grouping, vm.dedup, vm.stratify, vm.format)) {
            o.addListener(x -> {
                if (getScene() != null) {
                    later.trigger();
                }
            });
        }
        body(new VBox(
                10,
                split,
                forced,
                shares,
                grouping,
                dedup,
                stratify,
                heading("What the export will write"),
                result,
                resultStatus,
                planStatus,
                auditStatus));
    }

    private static Label gap() {
        Label l = new Label();
        l.setMinWidth(12);
        return l;
    }

    private static TextField share(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(3);
        f.setAlignment(Pos.CENTER_RIGHT);
        return f;
    }

    private static boolean validShare(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v >= 0 && v <= 100;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s.trim());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    void entered() {
        boolean folder = vm.folderLayout();
        split.setDisable(folder);
        forced.setText(
                folder ? "The " + vm.format.get() + " preset always writes train, validation and test files." : "");
        forced.setVisible(folder);
        forced.setManaged(folder);
        count();
    }

    private void count() {
        ExportProfile profile = vm.profile(null);
        SplitRatios ratios = vm.ratios();
        if (vm.splitting() && ratios == null) {
            resultStatus.setText("Fix the shares to see the counts.");
            return;
        }
        long seedValue = vm.seedValue();
        SplitAssigner.Grouping by = vm.grouping.get();
        boolean drop = vm.dedup.get();
        boolean balanceComplexity = vm.stratify.get();
        resultStatus.setText("Counting…");
        planStatus.setText("");
        auditStatus.setText("");
        counting.submit(
                job -> {
                    DatasetExporter exporter = new DatasetExporter(ctx.store(), ctx.presetsFolder());
                    return ExportEstimate.splitCounts(
                            ctx.store(),
                            exporter.effectiveFilter(profile),
                            ratios,
                            seedValue,
                            by,
                            balanceComplexity,
                            drop,
                            job::isCancelled);
                },
                this::show,
                e -> resultStatus.setText("Could not count: " + e.getMessage()));
    }

    private void show(ExportEstimate.SplitCounts c) {
        result.getChildren().clear();
        long written = Math.max(1, c.written());
        int row = 0;
        for (Map.Entry<String, Long> e : c.perSplit().entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("split-name");
            Label n = new Label(ExportViewModel.count(e.getValue()));
            n.setId("split-count-" + e.getKey());
            n.getStyleClass().add("findings-count");
            ProgressBar share = new ProgressBar((double) e.getValue() / written);
            share.getStyleClass().add("split-share");
            share.setPrefWidth(300);
            result.addRow(row++, name, n, share);
        }
        resultStatus.setText(ExportViewModel.pairs(c.written()) + " in total"
                + (c.duplicates() > 0
                        ? "; " + ExportViewModel.count(c.duplicates()) + " exact duplicates dropped"
                        : "; no duplicates dropped")
                + ".");
        showPlan(c);
    }

    /** The grouping, the shares achieved (and why they differ), and the check the export will run after writing. */
    private void showPlan(ExportEstimate.SplitCounts c) {
        planStatus.getStyleClass().remove("split-warning");
        auditStatus.getStyleClass().remove("split-warning");
        if (c.plan() == null) {
            planStatus.setText("");
            auditStatus.setText("");
            return;
        }
        planStatus.setText(c.plan().summary()
                + (c.plan().strataOffQuota().isEmpty()
                        ? "."
                        : "; off the shares by more than 1%: "
                                + String.join(", ", c.plan().strataOffQuota()) + "."));
        if (!c.plan().ratiosMet()) {
            planStatus.getStyleClass().add("split-warning");
        }
        SplitAudit.Report check = c.check();
        StringBuilder b = new StringBuilder("Split audit: ");
        if (check.clean()) {
            b.append(
                    "nothing crosses the splits (exact and near-duplicate questions, identical SQL, SQL templates, duplicate groups");
            b.append(c.plan().grouping() == SplitAssigner.Grouping.DATABASE ? ", databases)." : ").");
        } else {
            b.append(check.summary()).append(". The export will refuse to write this split.");
            auditStatus.getStyleClass().add("split-warning");
        }
        long databases = check.rows(SplitAudit.Kind.DATABASE);
        if (c.plan().grouping() != SplitAssigner.Grouping.DATABASE && databases > 0) {
            b.append(' ')
                    .append(Plural.of(databases, "row shares", "rows share"))
                    .append(" a database with an earlier split.");
        }
        auditStatus.setText(b.toString());
    }
}
