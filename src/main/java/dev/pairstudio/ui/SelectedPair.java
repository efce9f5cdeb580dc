package dev.pairstudio.ui;

import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.schema.ValidationMessages;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.sql.SqlExplainer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.ValidationResult;
import dev.pairstudio.ui.curation.Curator;
import dev.pairstudio.ui.detail.DetailPane;
import dev.pairstudio.ui.detail.PreviewPane;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.pairs.PagedPairList;
import dev.pairstudio.ui.pairs.PairTable;
import dev.pairstudio.ui.pairs.PairsViewModel;
import dev.pairstudio.ui.task.TaskRunner;
import java.util.Map;
import java.util.function.Consumer;
import javafx.util.Duration;

/**
 * The main window's lower half: the selected pair in the detail pane beside its anonymization
 * preview, and what the detail pane asks for (review, edit, note, a duplicate group, SQL checks
 * and explanations, privacy list changes), each through the window's task runner. The preview
 * follows the selection after a short pause; an older preview's answer is dropped.
 */
final class SelectedPair {
    private final Database store;
    private final TaskRunner tasks;
    private final PairTable table;
    private final PagedPairList rows;
    private final DetailPane detail;
    private final PreviewPane preview;
    /** The policy and lists as they are now; also read by the window's enricher. */
    private final CurrentAnonymizer anonymizer;

    private final Consumer<String> message;
    private final Debouncer previewLater = new Debouncer(Duration.millis(120), this::updatePreview);
    private long previewSequence;

    record Parts(
            Database store,
            TaskRunner tasks,
            PairTable table,
            PagedPairList rows,
            DetailPane detail,
            PreviewPane preview,
            CurrentAnonymizer anonymizer,
            Consumer<String> message) {}

    SelectedPair(Parts parts, PairsViewModel pairs, FilterViewModel filters, Curator curator, SqlAnalyzer analyzer) {
        this.store = parts.store();
        this.tasks = parts.tasks();
        this.table = parts.table();
        this.rows = parts.rows();
        this.detail = parts.detail();
        this.preview = parts.preview();
        this.anonymizer = parts.anonymizer();
        this.message = parts.message();
        wire(pairs, filters, curator, analyzer);
    }

    private void wire(PairsViewModel pairs, FilterViewModel filters, Curator curator, SqlAnalyzer analyzer) {
        detail.setSearch(rows::filter);
        detail.setOnReview(status -> (switch (status) {
                    case ACCEPTED -> pairs.accept;
                    case REJECTED -> pairs.reject;
                    case UNREVIEWED -> pairs.unreview;
                })
                .execute());
        detail.setOnShowGroup(group -> filters.batch(() -> {
            filters.clear();
            filters.duplicateGroup.set(group);
        }));
        detail.setOnNote(note -> {
            StoredPair p = detail.shown();
            if (p != null) {
                tasks.run(
                        "save a note",
                        () -> {
                            curator.note(p.id(), note);
                            return store.get(p.id()).orElse(p);
                        },
                        updated -> {
                            rows.replace(updated);
                            message.accept("Note saved.");
                        });
            }
        });
        detail.setOnSave((question, sql) -> {
            StoredPair p = detail.shown();
            tasks.run("save an edit", () -> curator.edit(p, question, sql), saved -> {
                rows.replace(saved);
                detail.show(saved);
                previewLater.trigger();
                message.accept("Saved. The original text is kept; Ctrl+Z undoes the edit.");
            });
        });
        detail.setSqlValidator((sql, answer) -> {
            String dbType =
                    detail.shown() == null ? null : detail.shown().pair().databaseType();
            tasks.run(
                    "analyse edited SQL",
                    () -> analyzer.analyze(sql, dbType),
                    (SqlAnalysis a) -> answer.accept(sqlMessage(sql, a)));
        });
        detail.setSqlExplainer((pair, answer) -> tasks.run(
                "explain SQL",
                () -> SqlExplainer.explain(analyzer.parse(pair.sql(), pair.databaseType())),
                answer::accept));
        preview.setOnAllow(
                value -> changePrivacyList(() -> PrivacySettings.allow(store, value), "Marked as not personal data"));
        preview.setOnDeny(
                value -> changePrivacyList(() -> PrivacySettings.deny(store, value), "Will always be anonymized"));
    }

    private static String sqlMessage(String sql, SqlAnalysis a) {
        if (sql.isBlank()) {
            return "The SQL must not be empty.";
        }
        return a.parsed()
                ? ""
                : "The SQL does not parse: " + a.parseError() + ". Fix it, or cancel to keep the saved text.";
    }

    private void changePrivacyList(Runnable change, String what) {
        tasks.run(
                "change a privacy list",
                () -> {
                    change.run();
                    anonymizer.reload();
                    return what;
                },
                m -> {
                    message.accept(m + " (policy of this database).");
                    previewLater.trigger();
                });
    }

    /** Shows the table's selected pair (or says what to do when none is). */
    void showSelected() {
        StoredPair p = table.getSelectionModel().getSelectedItem();
        if (p == null) {
            if (table.getSelectionModel().isEmpty()) {
                detail.clear();
                preview.showEmpty("Select a pair to see what an export would write.");
            }
            return;
        }
        if (detail.shown() == null
                || detail.shown().id() != p.id()
                || detail.shown().version() != p.version()) {
            detail.show(p);
            showValidationOf(p);
        }
        previewLater.trigger();
    }

    /** The schema checks' messages of a pair with validation flags, read in the background (issue 15). */
    private void showValidationOf(StoredPair p) {
        if ((p.analysis().flagBits() & ValidationResult.FLAGS) == 0) {
            return;
        }
        tasks.run(
                "read validation messages",
                () -> store.validation(p.id()).map(v -> {
                    String version = store.schema(v.schemaId())
                            .map(s -> "Checked against the schema of " + s.databaseName() + ", version " + s.version())
                            .orElse("");
                    return Map.entry(version, ValidationMessages.read(v.messages()));
                }),
                found -> found.ifPresent(e -> detail.showValidation(p.id(), e.getKey(), e.getValue())));
    }

    private void updatePreview() {
        StoredPair p = detail.shown();
        if (p == null) {
            return;
        }
        long seq = ++previewSequence;
        tasks.run(
                "anonymize for the preview",
                () -> {
                    Anonymizer a = anonymizer.get();
                    return Map.entry(a.anonymize(p.pair()), a.policy().name());
                },
                result -> {
                    if (seq == previewSequence) {
                        preview.show(result.getKey(), result.getValue());
                    }
                },
                error -> preview.showEmpty("No preview: " + error.getMessage()));
    }
}
