package dev.pairstudio.ui.export;

import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportEstimate;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.AnonymizedPair;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Operator;
import dev.pairstudio.privacy.PiiType;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.Replacement;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.ui.detail.HighlightedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;

/**
 * Step 3: what happens to each type of personal data, with how often each type occurs in the
 * whole scope (counted in the background) and five pairs of the scope before and after.
 */
final class PrivacyPage extends StepPage {
    static final int SAMPLES = 5;

    private final ExportContext ctx;
    private final Latest<ExportEstimate.Findings> counting;
    private final Latest<List<Sample>> sampling;
    final CheckBox anonymize =
            new CheckBox("Anonymize the question, the SQL's literals and the database name (recommended)");
    private final CheckBox urls = new CheckBox("Also detect URLs");
    private final GridPane types = new GridPane();
    private final Map<String, Label> counts = new HashMap<>();
    private final Label countStatus = new Label();
    private final ProgressBar countProgress = new ProgressBar();
    final VBox samples = new VBox(12);
    private Object countedFor;

    record Sample(StoredPair pair, AnonymizedPair result, String error) {}

    PrivacyPage(ExportViewModel vm, ExportContext ctx) {
        super(
                vm,
                "export-privacy",
                3,
                "Privacy",
                "Choose per type what the export writes instead of the original. Pseudonyms are consistent and keep the format, so the SQL still parses.",
                new SimpleStringProperty(""));
        this.ctx = ctx;
        this.counting = new Latest<>(ctx.jobs());
        this.sampling = new Latest<>(ctx.jobs());

        anonymize.setId("privacy-anonymize");
        anonymize.selectedProperty().bindBidirectional(vm.anonymize);
        Label off = new Label("Privacy is off: the original questions, SQL and database names are written.");
        off.setId("privacy-off-warning");
        off.getStyleClass().add("field-error");
        off.visibleProperty().bind(vm.anonymize.not());
        off.managedProperty().bind(off.visibleProperty());
        urls.setId("privacy-urls");
        urls.selectedProperty().bindBidirectional(vm.detectUrls);

        types.setId("privacy-types");
        types.getStyleClass().add("privacy-types");
        types.setHgap(10);
        types.setVgap(5);
        types.disableProperty().bind(vm.anonymize.not());
        buildTypeRows();
        vm.operators.addListener((MapChangeListener<String, Operator>) c -> {
            if (types.getScene() != null) {
                sample();
            }
        });
        vm.detectUrls.addListener((o, was, now) -> {
            buildTypeRows();
            count();
            sample();
        });
        vm.anonymize.addListener((o, was, now) -> sample());

        countStatus.setId("privacy-count-status");
        countStatus.getStyleClass().add("muted");
        countStatus.setWrapText(true);
        countProgress.setPrefWidth(300);
        countProgress.visibleProperty().bind(counting.runningProperty());
        countProgress.managedProperty().bind(countProgress.visibleProperty());

        VBox left = new VBox(10, heading("Per type"), types, urls, countProgress, countStatus);
        left.setPrefWidth(370);
        left.setMinWidth(370);

        samples.setId("privacy-samples");
        samples.setPadding(new Insets(2, 12, 2, 2));
        ScrollPane scroll = new ScrollPane(samples);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("privacy-sample-scroll");
        Label beforeHead = header("Before");
        Label afterHead = header("After");
        GridPane heads = new GridPane();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        ColumnConstraints half2 = new ColumnConstraints();
        half2.setPercentWidth(50);
        heads.getColumnConstraints().setAll(half, half2);
        heads.addRow(0, beforeHead, afterHead);
        heads.setPadding(new Insets(0, 26, 0, 10));
        heads.setHgap(12);
        VBox right = new VBox(6, heading("Five pairs from the scope"), heads, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox columns = new HBox(18, left, right);
        VBox.setVgrow(columns, Priority.ALWAYS);
        body(new VBox(8, anonymize, off, columns));
    }

    private void buildTypeRows() {
        types.getChildren().clear();
        types.getColumnConstraints()
                .setAll(new ColumnConstraints(132), new ColumnConstraints(52), new ColumnConstraints(150));
        types.getColumnConstraints().get(1).setHalignment(HPos.RIGHT);
        Label h1 = header("Type");
        Label h2 = header("Found");
        Label h3 = header("Write");
        types.addRow(0, h1, h2, h3);
        int row = 1;
        for (PiiType t : ExportViewModel.typesOf(vm.policy())) {
            if (t.equals(PiiType.URL) && !vm.detectUrls.get()) {
                continue;
            }
            String label = t.label();
            Label chip = new Label(displayName(t));
            chip.getStyleClass().addAll("finding", HighlightedText.styleClass(label), "type-chip");
            Label count = counts.computeIfAbsent(label, k -> new Label("…"));
            count.setId("findings-" + label.replace(':', '_'));
            count.getStyleClass().add("findings-count");
            ComboBox<Operator> op = new ComboBox<>();
            op.setId("operator-" + label.replace(':', '_'));
            op.getItems().addAll(Operator.values());
            op.setConverter(OPERATOR_NAMES);
            op.setValue(vm.operators.getOrDefault(label, vm.policy().operatorFor(t)));
            op.valueProperty().addListener((o, was, now) -> {
                if (now != null) {
                    vm.operators.put(label, now);
                }
            });
            op.setMaxWidth(Double.MAX_VALUE);
            GridPane.setValignment(chip, VPos.CENTER);
            types.addRow(row++, chip, count, op);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    static String displayName(PiiType t) {
        return switch (t.label()) {
            case "EMAIL" -> "Email";
            case "PHONE" -> "Phone";
            case "SSN" -> "SSN";
            case "CARD" -> "Card number";
            case "IP" -> "IP address";
            case "IBAN" -> "IBAN";
            case "URL" -> "URL";
            case "DB_NAME" -> "Database name";
            default -> t.label().substring(t.label().indexOf(':') + 1) + " (custom)";
        };
    }

    static final StringConverter<Operator> OPERATOR_NAMES = new StringConverter<>() {
        @Override
        public String toString(Operator op) {
            if (op == null) {
                return "";
            }
            return switch (op) {
                case PSEUDONYMIZE -> "Pseudonym";
                case MASK -> "Mask ****1234";
                case REDACT -> "Redact <TYPE>";
                case HASH -> "Hash <TYPE_…>";
                case KEEP -> "Keep original";
            };
        }

        @Override
        public Operator fromString(String s) {
            return Operator.parse(s);
        }
    };

    @Override
    void entered() {
        count();
        sample();
    }

    /** Findings per type over the whole scope; only again when the scope or detection changed. */
    private void count() {
        var profile = vm.profile(null);
        Policy policy = vm.policy();
        Object key = List.of(profile.filter(), profile.acceptedOnly(), policy.detectUrls());
        if (key.equals(countedFor) && !counting.runningProperty().get()) {
            return;
        }
        countedFor = key;
        long total = Math.max(vm.scopeCount.get(), 0);
        counts.values().forEach(l -> l.setText("…"));
        countStatus.setText("Counting findings in " + ExportViewModel.pairs(total) + "…");
        countProgress.setProgress(-1);
        var task = counting.submit(
                job -> {
                    DatasetExporter exporter = new DatasetExporter(ctx.store(), ctx.presetsFolder());
                    PairFilter filter = exporter.effectiveFilter(profile);
                    long n = Math.max(1, ctx.store().count(filter));
                    Anonymizer a = PrivacySettings.anonymizer(ctx.store(), policy);
                    return ExportEstimate.findingsPerType(
                            ctx.store(), filter, a, done -> job.progress(done, n), job::isCancelled);
                },
                this::showCounts,
                e -> {
                    countedFor = null;
                    countStatus.setText("Could not count findings: " + e.getMessage());
                });
        countProgress.progressProperty().unbind();
        countProgress.progressProperty().bind(task.progressProperty());
    }

    private void showCounts(ExportEstimate.Findings f) {
        for (Map.Entry<String, Label> e : counts.entrySet()) {
            long n = f.perType().getOrDefault(e.getKey(), 0L);
            e.getValue().setText(ExportViewModel.count(n));
            e.getValue().pseudoClassStateChanged(PseudoClass.getPseudoClass("zero"), n == 0);
        }
        countStatus.setText(String.format(
                Locale.ROOT,
                "%,d findings in %,d of %,d pairs%s",
                f.total(),
                f.pairsWithFindings(),
                f.pairs(),
                f.failures() > 0
                        ? String.format(
                                Locale.ROOT,
                                "; %,d pairs could not be anonymized and would stop the export",
                                f.failures())
                        : "."));
    }

    /** Five pairs of the scope, preferring pairs with findings, through the current policy. */
    private void sample() {
        var profile = vm.profile(null);
        Policy policy = vm.policy();
        boolean on = vm.anonymize.get();
        Set<String> labels = new LinkedHashSet<>();
        ExportViewModel.typesOf(policy).forEach(t -> labels.add(t.label()));
        sampling.submit(
                job -> {
                    DatasetExporter exporter = new DatasetExporter(ctx.store(), ctx.presetsFolder());
                    PairFilter filter = exporter.effectiveFilter(profile);
                    List<StoredPair> pairs = new ArrayList<>(ctx.store()
                            .query(filter.withPiiTypes(labels), PairSort.INSERTION, null, SAMPLES)
                            .rows());
                    if (pairs.size() < SAMPLES) {
                        Set<Long> have = new HashSet<>();
                        pairs.forEach(p -> have.add(p.id()));
                        for (StoredPair p : ctx.store()
                                .query(filter, PairSort.INSERTION, null, SAMPLES * 2)
                                .rows()) {
                            if (pairs.size() < SAMPLES && have.add(p.id())) {
                                pairs.add(p);
                            }
                        }
                    }
                    Anonymizer a = PrivacySettings.anonymizer(ctx.store(), policy);
                    List<Sample> out = new ArrayList<>();
                    for (StoredPair p : pairs) {
                        if (!on) {
                            out.add(new Sample(p, null, null));
                            continue;
                        }
                        try {
                            out.add(new Sample(p, a.anonymize(p.pair()), null));
                        } catch (AnonymizationException e) {
                            out.add(new Sample(p, null, e.getMessage()));
                        }
                    }
                    return out;
                },
                this::showSamples,
                e -> samples.getChildren().setAll(muted("No sample: " + e.getMessage())));
    }

    private void showSamples(List<Sample> list) {
        samples.getChildren().clear();
        if (list.isEmpty()) {
            samples.getChildren().add(muted("The scope has no pairs."));
            return;
        }
        for (Sample s : list) {
            samples.getChildren().add(card(s));
        }
    }

    private Node card(Sample s) {
        GridPane g = new GridPane();
        g.getStyleClass().add("privacy-sample");
        g.setHgap(12);
        g.setVgap(6);
        ColumnConstraints before = new ColumnConstraints();
        before.setPercentWidth(50);
        ColumnConstraints after = new ColumnConstraints();
        after.setPercentWidth(50);
        g.getColumnConstraints().setAll(before, after);
        var pair = s.pair().pair();
        Label id = new Label(pair.pairId() + (pair.databaseName() == null ? "" : "  ·  " + pair.databaseName()));
        id.getStyleClass().addAll("muted", "sample-id");
        g.add(id, 0, 0, 2, 1);
        if (s.result() != null) {
            g.addRow(
                    1,
                    flow(pair.question(), s.result().question().replacements(), false, false, "sample-before-question"),
                    flow(
                            s.result().question().after(),
                            s.result().question().replacements(),
                            true,
                            false,
                            "sample-after-question"));
            g.addRow(
                    2,
                    flow(pair.sql(), s.result().sql().replacements(), false, true, "sample-before-sql"),
                    flow(s.result().sql().after(), s.result().sql().replacements(), true, true, "sample-after-sql"));
        } else {
            g.addRow(
                    1,
                    flow(pair.question(), List.of(), false, false, "sample-before-question"),
                    s.error() != null
                            ? errorLabel("Cannot anonymize: " + s.error())
                            : flow(pair.question(), List.of(), true, false, "sample-after-question"));
            g.addRow(
                    2,
                    flow(pair.sql(), List.of(), false, true, "sample-before-sql"),
                    flow(pair.sql(), List.of(), true, true, "sample-after-sql"));
        }
        return g;
    }

    private static Node errorLabel(String message) {
        Label l = new Label(message);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        return l;
    }

    private static TextFlow flow(
            String text, List<Replacement> replacements, boolean after, boolean sql, String styleClass) {
        TextFlow f = HighlightedText.findings(text, replacements, after, sql);
        f.getStyleClass().addAll(styleClass, "sample-text");
        f.setMinWidth(0);
        f.setPrefWidth(10); // let the column decide; the text wraps
        GridPane.setFillWidth(f, true);
        return f;
    }
}
