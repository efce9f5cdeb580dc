package dev.pairstudio.ui.export;

import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportPreview;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.settings.PrivacySettings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 2: the seed formats and the fine-tuning presets, with the first three records as the file would hold them. */
final class FormatPage extends StepPage {
    static final int PREVIEW_RECORDS = 3;

    private final ExportContext ctx;
    private final Latest<String> previewing;
    final ListView<String> list = new ListView<>();
    final TextArea preview = new TextArea();
    private final Label previewTitle = new Label();
    final CheckBox wholeSchema =
            new CheckBox("Schema context: every table of the database (not only the tables the SQL uses)");

    FormatPage(ExportViewModel vm, ExportContext ctx) {
        super(
                vm,
                "export-format",
                2,
                "Format",
                "The seed's JSONL, JSON or CSV, or a fine-tuning preset. The preview shows the first records exactly as written.",
                vm.formatProblemProperty());
        this.ctx = ctx;
        this.previewing = new Latest<>(ctx.jobs());
        list.setId("format-list");
        list.setItems(vm.formats);
        list.setPrefWidth(330);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(item);
                name.getStyleClass().add("format-name");
                Label description = new Label(vm.description(item));
                description.getStyleClass().add("muted");
                description.setWrapText(true);
                description.setPrefWidth(290);
                description.setMinHeight(Region.USE_PREF_SIZE);
                setText(null);
                setGraphic(new VBox(1, name, description));
            }
        });
        list.getSelectionModel().select(vm.format.get());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.format.set(now);
            }
        });
        vm.format.addListener((o, was, now) -> {
            list.getSelectionModel().select(now);
            refresh();
        });
        preview.setId("format-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.getStyleClass().add("monospace");
        previewTitle.getStyleClass().add("section-title");
        wholeSchema.setId("format-whole-schema");
        wholeSchema.selectedProperty().bindBidirectional(vm.wholeSchema);
        wholeSchema.selectedProperty().addListener((o, was, now) -> refresh());
        VBox right = new VBox(6, previewTitle, preview, wholeSchema);
        VBox.setVgrow(preview, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        body(new HBox(14, list, right));
    }

    @Override
    void entered() {
        refresh();
    }

    private void refresh() {
        String format = vm.format.get();
        if (format == null) {
            return;
        }
        boolean anonymize = vm.anonymize.get();
        previewTitle.setText("The first " + PREVIEW_RECORDS + " records of " + format
                + (anonymize ? ", anonymized" : ", original text"));
        preview.setText("Writing the preview…");
        ExportProfile profile = vm.profile(null);
        Policy policy = vm.policy();
        previewing.submit(
                job -> {
                    Anonymizer a = anonymize ? PrivacySettings.anonymizer(ctx.store(), policy) : null;
                    DatasetExporter exporter = new DatasetExporter(ctx.store(), ctx.presetsFolder());
                    String text = ExportPreview.firstRecords(
                            ctx.store(),
                            exporter.effectiveFilter(profile),
                            format,
                            profile.system(),
                            profile.context(),
                            a,
                            ctx.presetsFolder(),
                            PREVIEW_RECORDS,
                            profile.wholeSchema());
                    return text.isEmpty() ? "(the scope has no pairs)" : text;
                },
                preview::setText,
                e -> preview.setText("No preview: " + e.getMessage()));
    }
}
