package dev.pairstudio.ui;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.io.AnalyzingEnricher;
import dev.pairstudio.io.DemoData;
import dev.pairstudio.io.PendingAnalysis;
import dev.pairstudio.schema.ValidationMessages;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.store.ValidationResult;
import dev.pairstudio.io.DuplicateTracker;
import dev.pairstudio.io.PrivacySettings;
import dev.pairstudio.io.SavedFilters;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlExplainer;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.ui.curation.Curator;
import dev.pairstudio.ui.detail.DetailPane;
import dev.pairstudio.ui.schemas.SchemasView;
import dev.pairstudio.ui.detail.PreviewPane;
import dev.pairstudio.ui.filter.FilterPanel;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.pairs.ColumnLayout;
import dev.pairstudio.ui.pairs.PagedPairList;
import dev.pairstudio.ui.pairs.PairTable;
import dev.pairstudio.ui.pairs.TableHeader;
import dev.pairstudio.ui.filter.FilterSplit;
import dev.pairstudio.ui.export.ExportContext;
import dev.pairstudio.ui.export.ExportWizard;
import dev.pairstudio.ui.export.QuickExport;
import dev.pairstudio.ui.importing.ImportDialog;
import dev.pairstudio.ui.stats.StatisticsView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;

/**
 * The screen a curator lives in: filters on the left, the pair table, the selected pair's
 * details beside its anonymization preview, and a status bar with the live count. Every
 * database call runs in {@link BackgroundJobs}; this class only wires and draws.
 */
public final class MainWindow {
    /** The theme is a setting of the user, not of a window: File › Open database keeps it. */
    private static final String DARK_THEME = "theme.dark";

    private final PairStore store;
    private final BackgroundJobs jobs;
    private final UiSettings settings;
    private final CollectorControl collector;
    /** Collected pairs show within 2 s, also while an assistant keeps posting; each refresh re-reads count, page and charts (one a second at ~600k pairs cost the collector a third of its single POSTs). */
    private final Throttle refreshAfterCollect = new Throttle(Duration.seconds(2), this::refreshAfterCollect);
    private final ChangeWatcher otherWriters;
    private final javafx.beans.property.ObjectProperty<Consumer<OpenDatabaseDialog.Choice>> openDatabaseHandler =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final BorderPane root = new BorderPane();
    private final FilterViewModel filters = new FilterViewModel();
    private final FilterPanel filterPanel = new FilterPanel(filters);
    private final PagedPairList rows;
    private final PairTable table;
    private final TableHeader tableHeader;
    private final DetailPane detail = new DetailPane();
    private final PreviewPane preview = new PreviewPane();
    private final StatusBar statusBar = new StatusBar();
    private final Label countLabel = new Label();
    private final SqlAnalyzer analyzer = new SqlAnalyzer();
    private final AnalyzingEnricher enricher;
    private final DuplicateTracker duplicates;
    private final Curator curator;
    private final Debouncer previewLater;
    private final Button restore = new Button("Restore");
    private final Button emptyTrash = new Button("Empty trash");
    private final QuickExport quickExport = new QuickExport();
    private final TabPane views = new TabPane();
    private final SchemasView schemasView;
    private final StatisticsView statistics;
    private volatile Anonymizer anonymizer;
    /**
     * Set by {@link #dispose}: the catch-up (analysis, grouping, schema checks) stops after the batch
     * in hand. A flag, not an interrupt: interrupting a thread inside H2's file I/O closes the
     * database's file channel, and every later read of that store fails.
     */
    private volatile boolean disposed;
    private CollectorControl.Address collectorAddress;
    private long collected;
    private long previewSequence;

    public MainWindow(PairStore store, BackgroundJobs jobs, UiSettings settings) {
        this(store, jobs, settings, CollectorControl.NONE);
    }

    public MainWindow(PairStore store, BackgroundJobs jobs, UiSettings settings, CollectorControl collector) {
        this.store = store;
        this.collector = collector;
        this.settings = settings;
        this.jobs = jobs;
        this.anonymizer = PrivacySettings.anonymizer(store);
        this.enricher = new AnalyzingEnricher(analyzer, () -> anonymizer); // the lists as they are now (changePrivacyList)
        this.duplicates = new DuplicateTracker(store);
        this.curator = new Curator(store, enricher, duplicates,
                edited -> ValidationRun.validateNow(store, analyzer, List.of(edited)));
        this.rows = new PagedPairList(store);
        this.otherWriters = new ChangeWatcher(store, this::changedElsewhere);
        this.schemasView = new SchemasView(store, this::background);
        this.table = new PairTable(rows);
        ColumnLayout.bind(table, settings);
        this.previewLater = new Debouncer(Duration.millis(120), this::updatePreview);

        root.setId("main-window");
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("pair-studio.css")).toExternalForm());
        root.setTop(new VBox(menuBar(), toolBar()));
        SplitPane lower = new SplitPane(detail, preview);
        lower.setDividerPositions(0.5);
        this.tableHeader = new TableHeader(filters, rows);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane pairsView = new SplitPane(new VBox(tableHeader, table), lower);
        pairsView.setOrientation(Orientation.VERTICAL);
        pairsView.setDividerPositions(0.55);
        statistics = new StatisticsView(store, filters, jobs);
        Tab pairsTab = new Tab("Pairs", pairsView);
        pairsTab.setId("pairs-tab");
        Tab statsTab = new Tab("Statistics", statistics);
        statsTab.setId("statistics-tab");
        statsTab.selectedProperty().addListener((o, was, now) -> statistics.setActive(now));
        Tab schemasTab = new Tab("Schemas", schemasView);
        schemasTab.setId("schemas-tab");
        schemasTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                schemasView.reload();
            }
        });
        schemasView.setOnShowPairs((db, tableNames) -> {
            filters.batch(() -> {
                filters.clear();
                filters.databaseNames.add(db);
                filters.tables.addAll(tableNames);
            });
            views.getSelectionModel().select(pairsTab);
        });
        schemasView.setOnPairsChecked(this::dataChanged);
        views.getTabs().setAll(pairsTab, statsTab, schemasTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("views");
        root.setCenter(FilterSplit.of(filterPanel, views, tableHeader.filtersShownProperty(), settings));
        countLabel.setId("match-count");
        statusBar.setId("status-bar");
        statusBar.setText(store.location());
        statusBar.getRightItems().add(countLabel);
        root.setBottom(statusBar);
        Theme.apply(root, settings.getBoolean(DARK_THEME, false));

        rows.totalProperty().addListener((o, was, now) -> showCount());
        rows.loadingProperty().addListener((o, was, now) -> showCount()); // also when the count stayed the same
        rows.setOnError(e -> message("Could not load pairs: " + e.getMessage()));
        filters.filterProperty().addListener((o, was, now) -> {
            rows.reload(now, table.currentSort());
            table.showTrash(now.trash());
            if (now.trash() != was.trash()) {
                countTotals(); // the banner's count is the trash's as it is now
            }
            restore.setVisible(now.trash());
            emptyTrash.setVisible(now.trash());
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showSelected());
        rows.addListener((ListChangeListener<StoredPair>) c -> {
            StoredPair selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && (detail.shown() == null || detail.shown().id() != selected.id()) && !detail.isEditing()) {
                showSelected();
            }
        });
        wireDetail();
        acceptDroppedFiles();
        quickExport.statusProperty().addListener((o, was, now) -> message(now));
        table.setPlaceholder(dev.pairstudio.ui.pairs.TablePlaceholder.of(rows, store, emptyState()));
        restore.setVisible(false);
        emptyTrash.setVisible(false);
    }

    public Parent root() {
        return root;
    }

    public PairTable table() {
        return table;
    }

    public FilterViewModel filters() {
        return filters;
    }

    /** Registers the shortcuts on the scene the window lives in. */
    public void install(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("notifications.css")).toExternalForm());
        for (Shortcut s : Shortcut.values()) {
            if (!s.singleKey()) {
                scene.getAccelerators().put(s.keys(), () -> run(s));
            }
        }
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            for (Shortcut s : Shortcut.values()) {
                if (s.singleKey() && s.keys().match(e)) {
                    run(s);
                    e.consume();
                    return;
                }
            }
        });
    }

    /** Loads the filter choices and the first page; call once the window is shown. */
    public void load() {
        rows.reload(filters.filter(), table.currentSort());
        countTotals();
        background(() -> List.of(store.databaseTypes(), store.databaseNames()),
                lists -> filterPanel.setChoices(lists.get(0), lists.get(1)));
        background(() -> {
            store.prepare(); // the word index: the first search at 1M pairs took 5 s without it
            return null;
        }, done -> { });
        background(this::catchUp, this::caughtUp);
        showSavedFilters();
        otherWriters.start();
    }

    /** Another process changed the database (a CLI import, `pairstudio serve`, a colleague): show it. */
    private void changedElsewhere() {
        message("The database was changed outside this window; the table and statistics show the changes.");
        dataChanged();
    }

    /** Pairs stored without analysis (`import --no-analysis`, an interrupted analysis) get it now, then duplicate groups if any writer changed the pairs since they were last grouped. */
    private long analysePending() {
        // one core fewer than the machine has: the table's pages and the charts keep one for themselves
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        long n = PendingAnalysis.run(store, enricher, threads, done -> { }, () -> disposed);
        if (disposed) {
            return n; // the window closed: the next open groups what this one did not
        }
        if (n > 0) {
            duplicates.catchUp(() -> disposed); // new fingerprints: group again
        } else {
            duplicates.catchUpIfChanged(() -> disposed);
        }
        return n;
    }

    /**
     * One background job (the window keeps the other job thread for its pages): the analysis
     * pairs lack, then the schema validation they lack (imported before their schema, or with
     * {@code --no-analysis} or {@code --no-validate}).
     */
    private long[] catchUp() {
        long analysed = analysePending();
        if (disposed) {
            return new long[] {analysed, 0};
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        long validated = ValidationRun.runPending(store, analyzer, threads, done -> { }, () -> disposed);
        return new long[] {analysed, validated};
    }

    private void caughtUp(long[] counts) {
        if (disposed) {
            return; // its table and status bar are gone
        }
        if (counts[0] > 0 && counts[1] > 0) {
            message("Analysed " + Plural.of(counts[0], "pair") + " that had no analysis yet; checked "
                    + Plural.of(counts[1], "pair") + " against their schema.");
        } else if (counts[0] > 0) {
            message("Analysed " + Plural.of(counts[0], "pair") + " that had no analysis yet.");
        } else if (counts[1] > 0) {
            message("Checked " + Plural.of(counts[1], "pair") + " against their schema that had not been checked yet.");
        }
        if (counts[0] > 0 || counts[1] > 0) {
            rows.reload(filters.filter(), table.currentSort());
        }
    }

    private void showSavedFilters() {
        SavedFilters saved = new SavedFilters(store);
        background(saved::names, names -> filterPanel.setSavedFilters(names,
                name -> background(() -> saved.get(name), f -> f.ifPresent(filters::apply)),
                name -> background(() -> {
                    saved.save(name, filters.filter());
                    return name;
                }, n -> {
                    message("Saved the filter \"" + n + "\".");
                    showSavedFilters();
                })));
    }

    private void showCount() {
        long n = rows.totalProperty().get();
        countLabel.setText(filters.filter().trash() ? Plural.number(n) + " in the trash" : Plural.of(n, "pair"));
    }

    /** The counts above the table compare against: every live pair, the reviewed ones, the trash. */
    private void countTotals() {
        background(() -> new TableHeader.Totals(store.count(PairFilter.ALL),
                store.count(PairFilter.ALL.withStatuses(java.util.Set.of(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED))),
                store.count(PairFilter.ALL.withTrash(true))), tableHeader::setTotals);
    }

    /** After curation, imports or collected pairs: the table and the statistics re-read. */
    private void dataChanged() {
        countTotals();
        rows.refresh();
        statistics.refresh();
        otherWriters.shown();
    }

    /** Shows the pair table (0) or the statistics (1). */
    public void showView(int index) {
        views.getSelectionModel().select(index);
    }

    public void dispose() {
        disposed = true; // its database is about to close: the catch-up stops after its batch
        otherWriters.close();
        statistics.dispose();
        if (collector.isRunning()) {
            collector.stop();
        }
        settings.save();
        rows.shutdown();
        analyzer.close();
    }

    /** What the status bar says right now (tests and screen readers). */
    public String statusMessage() {
        return statusBar.getText();
    }

    void run(Shortcut s) {
        switch (s) {
            case ACCEPT -> review(ReviewStatus.ACCEPTED);
            case REJECT -> review(ReviewStatus.REJECTED);
            case UNREVIEW -> review(ReviewStatus.UNREVIEWED);
            case NEXT_UNREVIEWED -> moveToUnreviewed(1);
            case PREVIOUS_UNREVIEWED -> moveToUnreviewed(-1);
            case EDIT -> detail.startEditing();
            case DELETE -> deleteSelected();
            case DELETE_MATCHING -> deleteMatching();
            case UNDO -> undo();
            case REFRESH -> dataChanged();
            case SHOW_PAIRS -> showView(0);
            case SHOW_STATISTICS -> showView(1);
            case TOGGLE_THEME -> {
                Theme.apply(root, !Theme.isDark(root));
                settings.put(DARK_THEME, Theme.isDark(root));
                settings.save();
            }
            case HELP -> HelpOverlay.create(root.getScene().getWindow()).show();
            case FIND -> root.lookup("#search").requestFocus();
            case IMPORT -> chooseAndImport();
            case QUICK_EXPORT -> quickExport.run(exportContext(), root.getScene().getWindow());
            case EXPORT_WIZARD -> ExportWizard.show(root.getScene().getWindow(), exportContext(),
                    result -> message("Exported " + Plural.of(result.written(), "pair") + "."));
        }
    }

    // ---- curation ---------------------------------------------------------------------

    private List<StoredPair> selection() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList();
    }

    private void review(ReviewStatus status) {
        List<StoredPair> selected = selection();
        if (selected.isEmpty() || filters.filter().trash()) {
            return;
        }
        int index = table.getSelectionModel().getSelectedIndex();
        background(() -> {
            String what = curator.review(selected, status);
            return new Reviewed(what, selected.stream().map(p -> store.get(p.id()).orElse(p)).toList());
        }, done -> {
            done.updated().forEach(rows::replace);
            countTotals(); // "N of M reviewed"
            message(done.what());
            if (selected.size() == 1 && status != ReviewStatus.UNREVIEWED) {
                moveToUnreviewedFrom(index, 1);
            }
            showSelected();
        });
    }

    private record Reviewed(String what, List<StoredPair> updated) {
    }

    private void moveToUnreviewed(int step) {
        moveToUnreviewedFrom(table.getSelectionModel().getSelectedIndex(), step);
    }

    /** Selects the nearest loaded unreviewed row in one direction; stops at rows not loaded yet. */
    private void moveToUnreviewedFrom(int from, int step) {
        for (int i = from + step; i >= 0 && i < rows.size(); i += step) {
            StoredPair p = rows.get(i);
            if (p == null) {
                message("Loading more rows…");
                return;
            }
            if (p.status() == ReviewStatus.UNREVIEWED) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
        message(step > 0 ? "No unreviewed pair below." : "No unreviewed pair above.");
    }

    private void deleteSelected() {
        List<StoredPair> selected = selection();
        if (selected.isEmpty() || filters.filter().trash()) {
            return;
        }
        List<Long> ids = selected.stream().map(StoredPair::id).toList();
        background(() -> curator.trash(ids), what -> {
            message(what + ". Ctrl+Z brings them back.");
            dataChanged();
        });
    }

    private void deleteMatching() {
        var filter = filters.filter();
        if (filter.trash()) {
            return;
        }
        background(() -> store.count(filter), count -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    "Move " + Plural.of(count, "pair") + " that match the current filter to the trash?\n"
                            + "You can undo this (Ctrl+Z) or restore them from the trash.",
                    ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Delete " + Plural.of(count, "matching pair"));
            confirm.initOwner(root.getScene().getWindow());
            confirm.getDialogPane().setId("confirm-delete-matching");
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b ->
                    background(() -> curator.trash(filter), what -> {
                        message(what + ". Ctrl+Z brings them back.");
                        dataChanged();
                    }));
        });
    }

    private void undo() {
        background(curator::undo, done -> {
            message(done.orElse("Nothing to undo."));
            dataChanged();
        });
    }

    private void restoreSelected() {
        List<Long> ids = selection().stream().map(StoredPair::id).toList();
        if (!ids.isEmpty()) {
            background(() -> store.restore(ids), n -> {
                duplicates.invalidate();
                message("Restored " + Plural.of(n, "pair") + ".");
                dataChanged();
            });
        }
    }

    /**
     * Purge deletes the whole trash, whatever the search or filter shows of it: the question says
     * so, with both numbers when they differ, since this cannot be undone.
     */
    private void emptyTrash() {
        PairFilter shown = filters.filter();
        PairFilter wholeTrash = PairFilter.ALL.withTrash(true);
        background(() -> new long[] {store.count(wholeTrash), store.count(shown)}, counts -> {
            String all = Plural.of(counts[0], "pair");
            String text = counts[0] == counts[1]
                    ? "Delete all " + all + " in the trash for good? This cannot be undone."
                    : "Delete all " + all + " in the trash for good, not only the " + Plural.number(counts[1])
                            + " the search and filters show? This cannot be undone.";
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Empty the trash: " + all);
            confirm.initOwner(root.getScene().getWindow());
            confirm.getDialogPane().setId("confirm-empty-trash");
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b ->
                    background(store::purge, n -> {
                        message("Deleted " + Plural.of(n, "pair") + " for good.");
                        dataChanged();
                    }));
        });
    }

    // ---- export -----------------------------------------------------------------------

    /** What an export starts from: the current filter and selection, read fresh each time. */
    private ExportContext exportContext() {
        java.util.Set<Long> ids = selection().stream().map(StoredPair::id).collect(java.util.stream.Collectors.toSet());
        return ExportContext.of(store, jobs, filters.filter(), ids);
    }

    /** True while a one-click export runs (the app asks before closing). */
    public boolean exportRunning() {
        return quickExport.isRunning();
    }

    /** Stops a running one-click export and waits until its temporary file is gone. */
    public void cancelExport() {
        quickExport.cancelAndWait(java.time.Duration.ofSeconds(10));
    }

    // ---- import -----------------------------------------------------------------------

    /** What an empty table says: how to get pairs in, or how to widen the filter. */
    private VBox emptyState() {
        Label text = new Label("No pairs here. Import a file (Ctrl+O or drop it on the window), "
                + "let an assistant post to the collector (pairstudio serve), or load the demo data.");
        text.setWrapText(true);
        text.getStyleClass().add("empty-state");
        Button importFile = new Button("Import a file…");
        importFile.setOnAction(e -> chooseAndImport());
        Button demo = new Button("Load demo data");
        demo.setId("load-demo");
        demo.setOnAction(e -> background(() -> DemoData.add(store), n -> {
            message("Added " + Plural.of(n, "demo pair") + ".");
            dataChanged();
            background(() -> List.of(store.databaseTypes(), store.databaseNames()),
                    lists -> filterPanel.setChoices(lists.get(0), lists.get(1)));
        }));
        Button clear = new Button("Clear the filter");
        clear.setOnAction(e -> filters.clear());
        clear.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(filters.chips()));
        VBox box = new VBox(10, text, new HBox(8, importFile, demo, clear));
        box.setMaxWidth(560);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        ((HBox) box.getChildren().get(1)).setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import pairs");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Pair files (JSONL, JSON, CSV, Spider, BIRD)", "*.jsonl", "*.json", "*.csv", "*.ndjson"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<java.io.File> chosen = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (chosen != null && !chosen.isEmpty()) {
            importFiles(chosen.stream().map(java.io.File::toPath).toList());
        }
    }

    /** Imports files (chosen, dropped, or from a test) with a progress dialog that can cancel. */
    public void importFiles(List<Path> files) {
        ImportDialog.start(root.getScene().getWindow(), store, duplicates, files, store.folder(), jobs, summary -> {
            if (summary != null) {
                String text = ImportDialog.summaryText(summary);
                message(text.replace('\n', ' '));
                Notifications.create().owner(root.getScene().getWindow()).title("Import finished").text(text)
                        .hideAfter(Duration.seconds(6)).showInformation();
            }
            dataChanged();
            background(() -> List.of(store.databaseTypes(), store.databaseNames()),
                    lists -> filterPanel.setChoices(lists.get(0), lists.get(1)));
        });
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList();
                Platform.runLater(() -> importFiles(files));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---- detail and preview -----------------------------------------------------------

    private void wireDetail() {
        detail.setOnReview(this::review);
        detail.setOnShowGroup(group -> filters.batch(() -> {
            filters.clear();
            filters.duplicateGroup.set(group);
        }));
        detail.setOnNote(note -> {
            StoredPair p = detail.shown();
            if (p != null) {
                background(() -> {
                    curator.note(p.id(), note);
                    return store.get(p.id()).orElse(p);
                }, updated -> {
                    rows.replace(updated);
                    message("Note saved.");
                });
            }
        });
        detail.setOnSave((question, sql) -> {
            StoredPair p = detail.shown();
            background(() -> curator.edit(p, question, sql), saved -> {
                rows.replace(saved);
                detail.show(saved);
                previewLater.trigger();
                message("Saved. The original text is kept; Ctrl+Z undoes the edit.");
            });
        });
        detail.setSqlValidator((sql, answer) -> {
            String dbType = detail.shown() == null ? null : detail.shown().pair().databaseType();
            background(() -> analyzer.analyze(sql, dbType), (SqlAnalysis a) -> answer.accept(sqlMessage(sql, a)));
        });
        detail.setSqlExplainer((pair, answer) ->
                background(() -> SqlExplainer.explain(analyzer.parse(pair.sql(), pair.databaseType())), answer::accept));
        preview.setOnAllow(value -> changePrivacyList(() -> PrivacySettings.allow(store, value), "Marked as not personal data"));
        preview.setOnDeny(value -> changePrivacyList(() -> PrivacySettings.deny(store, value), "Will always be anonymized"));
    }

    private static String sqlMessage(String sql, SqlAnalysis a) {
        if (sql.isBlank()) {
            return "The SQL must not be empty.";
        }
        return a.parsed() ? "" : "The SQL does not parse: " + a.parseError() + ". Fix it, or cancel to keep the saved text.";
    }

    private void changePrivacyList(Runnable change, String what) {
        background(() -> {
            change.run();
            anonymizer = PrivacySettings.anonymizer(store);
            return what;
        }, m -> {
            message(m + " (policy of this database).");
            previewLater.trigger();
        });
    }

    private void showSelected() {
        StoredPair p = table.getSelectionModel().getSelectedItem();
        if (p == null) {
            if (table.getSelectionModel().isEmpty()) {
                detail.clear();
                preview.showEmpty("Select a pair to see what an export would write.");
            }
            return;
        }
        if (detail.shown() == null || detail.shown().id() != p.id() || detail.shown().version() != p.version()) {
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
        background(() -> store.validation(p.id()).map(v -> {
            String version = store.schema(v.schemaId()).map(s -> "Checked against the schema of " + s.databaseName()
                    + ", version " + s.version()).orElse("");
            return Map.entry(version, ValidationMessages.read(v.messages()));
        }), found -> found.ifPresent(e -> detail.showValidation(p.id(), e.getKey(), e.getValue())));
    }

    private void updatePreview() {
        StoredPair p = detail.shown();
        if (p == null) {
            return;
        }
        long seq = ++previewSequence;
        Anonymizer a = anonymizer;
        background(() -> a.anonymize(p.pair()), result -> {
            if (seq == previewSequence) {
                preview.show(result, a.policy().name());
            }
        }, error -> preview.showEmpty("No preview: " + error.getMessage()));
    }

    // ---- chrome -----------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem openDatabase = action("Open database…", this::openDatabase);
        openDatabase.setId("open-database");
        openDatabase.disableProperty().bind(openDatabaseHandler.isNull());
        Menu file = new Menu("File", null,
                openDatabase,
                new javafx.scene.control.SeparatorMenuItem(),
                item("Import…", Shortcut.IMPORT),
                item("Export…", Shortcut.EXPORT_WIZARD),
                item("Quick export", Shortcut.QUICK_EXPORT),
                new javafx.scene.control.SeparatorMenuItem(),
                action("Exit", () -> root.getScene().getWindow().hide()));
        Menu edit = new Menu("Edit", null,
                item("Undo", Shortcut.UNDO),
                new javafx.scene.control.SeparatorMenuItem(),
                item("Accept", Shortcut.ACCEPT),
                item("Reject", Shortcut.REJECT),
                item("Mark unreviewed", Shortcut.UNREVIEW),
                item("Edit pair", Shortcut.EDIT),
                item("Delete selected", Shortcut.DELETE),
                item("Delete all matching…", Shortcut.DELETE_MATCHING));
        Menu view = new Menu("View", null,
                item("Pairs", Shortcut.SHOW_PAIRS),
                item("Statistics", Shortcut.SHOW_STATISTICS),
                action("Trash", () -> filters.trash.set(!filters.trash.get())),
                item("Refresh", Shortcut.REFRESH),
                item("Light / dark", Shortcut.TOGGLE_THEME),
                item("Find", Shortcut.FIND));
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", Shortcut.HELP));
        return new MenuBar(file, edit, view, help);
    }

    /** What File › Open database does with the user's choice (the application swaps the window); none: disabled. */
    public void setOnOpenDatabase(Consumer<OpenDatabaseDialog.Choice> handler) {
        openDatabaseHandler.set(handler);
    }

    private void openDatabase() {
        new OpenDatabaseDialog(root.getScene().getWindow(), store.folder()).showAndWait()
                .ifPresent(choice -> openDatabaseHandler.get().accept(choice));
    }

    private MenuItem item(String text, Shortcut s) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(s.singleKey() ? null : s.keys());
        m.setOnAction(e -> run(s));
        return m;
    }

    private static MenuItem action(String text, Runnable r) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }

    private ToolBar toolBar() {
        Button importButton = button("Import…", "import", Shortcut.IMPORT);
        Button exportButton = button("Export…", "export", Shortcut.EXPORT_WIZARD);
        Button quickExportButton = button("Quick export", "quick-export", Shortcut.QUICK_EXPORT);
        Button undo = button("Undo", "undo", Shortcut.UNDO);
        Button deleteMatching = button("Delete matching…", "delete-matching", Shortcut.DELETE_MATCHING);
        ToggleButton trash = new ToggleButton("Trash");
        trash.setId("trash-toggle");
        trash.setTooltip(new Tooltip("Show the trash: restore pairs or empty it"));
        trash.selectedProperty().bindBidirectional(filters.trash);
        restore.setId("restore");
        restore.setOnAction(e -> restoreSelected());
        emptyTrash.setId("empty-trash");
        emptyTrash.setOnAction(e -> emptyTrash());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button help = button("Shortcuts", "help", Shortcut.HELP);
        return new ToolBar(importButton, exportButton, quickExportButton, new Separator(), undo, new Separator(), deleteMatching, trash, restore, emptyTrash,
                spacer, collectorToggle(), help);
    }

    /** Starts or stops the local collector; while it runs, its address and token are one click away. */
    private ToggleButton collectorToggle() {
        ToggleButton toggle = new ToggleButton("Collector off");
        toggle.setId("collector-toggle");
        toggle.setTooltip(new Tooltip("Let an assistant post pairs to this database over HTTP on 127.0.0.1"));
        collector.onPairsAdded(n -> Platform.runLater(() -> {
            collected += n;
            refreshAfterCollect.trigger();
        }));
        toggle.setOnAction(e -> {
            if (toggle.isSelected()) {
                toggle.setDisable(true);
                background(collector::start, address -> {
                    toggle.setDisable(false);
                    toggle.setText("Collector on");
                    collectorAddress = address;
                    message("Collector listening at " + address.url() + " — token copied to the clipboard.");
                    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                    content.putString(address.token());
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                    toggle.setTooltip(new Tooltip("POST pairs to " + address.url() + "/pairs with\nAuthorization: Bearer "
                            + address.token() + "\nClick to stop."));
                }, error -> {
                    toggle.setDisable(false);
                    toggle.setSelected(false);
                    message("The collector could not start: " + error.getMessage());
                });
            } else {
                background(() -> {
                    collector.stop();
                    return true;
                }, done -> {
                    toggle.setText("Collector off");
                    collectorAddress = null;
                    message("Collector stopped.");
                });
            }
        });
        return toggle;
    }

    private void refreshAfterCollect() {
        message(Plural.of(collected, "pair") + " collected" + (collectorAddress == null ? "" : " at " + collectorAddress.url()) + ".");
        collected = 0;
        dataChanged();
    }

    /** The collector's address and token while it runs (tests, the status bar). */
    public CollectorControl.Address collectorAddress() {
        return collectorAddress;
    }

    private Button button(String text, String id, Shortcut s) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(s.description() + " (" + s.keys().getDisplayText() + ")"));
        b.setOnAction(e -> run(s));
        return b;
    }

    /** Shows {@code text} in the status bar. */
    public void message(String text) {
        statusBar.setText(text);
    }

    // ---- background work --------------------------------------------------------------

    private <T> void background(Callable<T> work, Consumer<T> onDone) {
        background(work, onDone, e -> message(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    private <T> void background(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        jobs.run(task);
    }

    /** For tests: runs a shortcut as the keyboard would. */
    public void press(Shortcut s) {
        if (Platform.isFxApplicationThread()) {
            run(s);
        } else {
            Platform.runLater(() -> run(s));
        }
    }

    /** For tests: the preview pane. */
    public PreviewPane preview() {
        return preview;
    }
}
