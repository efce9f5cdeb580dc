package dev.pairstudio.ui;

import dev.pairstudio.demo.DemoData;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.schema.ValidationMessages;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.settings.SavedFilters;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.sql.SqlExplainer;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.ValidationResult;
import dev.pairstudio.ui.command.Command;
import dev.pairstudio.ui.command.CommandTable;
import dev.pairstudio.ui.curation.Curator;
import dev.pairstudio.ui.detail.DetailPane;
import dev.pairstudio.ui.detail.PreviewPane;
import dev.pairstudio.ui.dialog.DialogService;
import dev.pairstudio.ui.dialog.FxDialogService;
import dev.pairstudio.ui.export.ExportContext;
import dev.pairstudio.ui.export.ExportWizard;
import dev.pairstudio.ui.export.QuickExport;
import dev.pairstudio.ui.filter.FilterPanel;
import dev.pairstudio.ui.filter.FilterSplit;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.importing.ImportDialog;
import dev.pairstudio.ui.pairs.ColumnLayout;
import dev.pairstudio.ui.pairs.PagedPairList;
import dev.pairstudio.ui.pairs.PairTable;
import dev.pairstudio.ui.pairs.PairsViewModel;
import dev.pairstudio.ui.pairs.TableHeader;
import dev.pairstudio.ui.schemas.SchemasView;
import dev.pairstudio.ui.stats.StatisticsView;
import dev.pairstudio.ui.task.FxTaskRunner;
import dev.pairstudio.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
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
 * database call runs in its {@link TaskRunner}; this class only wires and draws.
 */
public final class MainWindow {
    /** The theme is a setting of the user, not of a window: File › Open database keeps it. */
    private static final String DARK_THEME = "theme.dark";

    private final PairStore store;
    private final BackgroundJobs jobs;
    /** This window's background work: {@link #dispose} cancels it (the catch-up stops after the batch in hand). */
    private final FxTaskRunner tasks;
    private final UiSettings settings;
    private final CollectorControl collector;
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
    private final DialogService dialogs = new FxDialogService(() -> root.getScene() == null ? null : root.getScene().getWindow());
    private final PairsViewModel pairs;
    private final Debouncer previewLater;
    private final CommandTable commands;
    private final QuickExport quickExport = new QuickExport();
    private final TabPane views = new TabPane();
    /** Built when its tab is first selected, as is {@link #statistics}: the window's first rows come sooner without them. */
    private SchemasView schemasView;
    private StatisticsView statistics;
    private volatile Anonymizer anonymizer;
    private CollectorToggle collectorToggle;
    /** Whether {@link #load} ran: the first page itself starts loading in the constructor. */
    private boolean loaded;
    private long previewSequence;

    public MainWindow(PairStore store, BackgroundJobs jobs, UiSettings settings) {
        this(store, jobs, settings, CollectorControl.NONE);
    }

    public MainWindow(PairStore store, BackgroundJobs jobs, UiSettings settings, CollectorControl collector) {
        this.store = store;
        this.collector = collector;
        this.settings = settings;
        this.jobs = jobs;
        this.tasks = new FxTaskRunner(jobs);
        tasks.setFailureHandler(e -> message(e.getMessage() == null ? e.toString() : e.getMessage()));
        this.anonymizer = PrivacySettings.anonymizer(store);
        this.enricher = new AnalyzingEnricher(analyzer, () -> anonymizer); // the lists as they are now (changePrivacyList)
        this.duplicates = new DuplicateTracker(store);
        this.curator = new Curator(store, enricher, duplicates,
                edited -> ValidationRun.validateNow(store, analyzer, List.of(edited)));
        this.rows = new PagedPairList(store);
        this.otherWriters = new ChangeWatcher(store, this::changedElsewhere);
        this.table = new PairTable(rows);
        this.pairs = new PairsViewModel(store, curator, filters, rows, tasks, dialogs);
        pairs.setSelector(i -> {
            table.getSelectionModel().clearAndSelect(i);
            table.scrollTo(Math.max(0, i - 3));
        });
        pairs.setOnDataChanged(this::dataChanged);
        pairs.setOnReviewed(this::countTotals);
        ColumnLayout.bind(table, settings);
        // the first page (and the store's index under it) loads while the rest of the window is built
        rows.reload(filters.filter(), table.currentSort());
        this.previewLater = new Debouncer(Duration.millis(120), this::updatePreview);

        root.setId("main-window");
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("pair-studio.css")).toExternalForm());
        commands = MainCommands.of(pairs, new MainCommands.WindowActions(
                new Command(openDatabaseHandler.isNotNull(), this::openDatabase), this::chooseAndImport,
                () -> ExportWizard.show(window(), exportContext(), result -> message("Exported " + Curator.count(result.written()) + ".")),
                () -> quickExport.run(exportContext(), window()), () -> window().hide(),
                new Command(pairs.delete.executableProperty(), detail::startEditing), () -> filters.trash.set(!filters.trash.get()),
                this::dataChanged, () -> showView(0), () -> showView(1), this::toggleTheme, () -> root.lookup("#search").requestFocus(),
                this::showHelp));
        javafx.scene.control.Menu recent = RecentMenu.create(new RecentDatabases(settings), store.location(),
                location -> openDatabaseHandler.get().accept(new OpenDatabaseDialog.Choice(location, new char[0])));
        recent.disableProperty().bind(openDatabaseHandler.isNull());
        root.setTop(new VBox(commands.menuBar(Map.of("open-database", List.of(recent))), toolBar()));
        SplitPane lower = new SplitPane(detail, preview);
        lower.setDividerPositions(0.5);
        this.tableHeader = new TableHeader(filters, rows);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane pairsView = new SplitPane(new VBox(tableHeader, table), lower);
        pairsView.setOrientation(Orientation.VERTICAL);
        pairsView.setDividerPositions(0.55);
        Tab pairsTab = new Tab("Pairs", pairsView);
        pairsTab.setId("pairs-tab");
        Tab statsTab = new Tab("Statistics");
        statsTab.setId("statistics-tab");
        statsTab.selectedProperty().addListener((o, was, now) -> {
            if (now && statistics == null) {
                statistics = new StatisticsView(store, filters, tasks);
                statsTab.setContent(statistics);
            }
            if (statistics != null) {
                statistics.setActive(now);
            }
        });
        Tab schemasTab = new Tab("Schemas");
        schemasTab.setId("schemas-tab");
        schemasTab.selectedProperty().addListener((o, was, now) -> {
            if (now && schemasView == null) {
                schemasView = schemasView(() -> views.getSelectionModel().select(pairsTab));
                schemasTab.setContent(schemasView);
            }
            if (now) {
                schemasView.reload();
            }
        });
        views.getTabs().setAll(pairsTab, statsTab, schemasTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("views");
        root.setCenter(FilterSplit.of(filterPanel, views, tableHeader.filtersShownProperty(), settings));
        countLabel.setId("match-count");
        statusBar.setId("status-bar");
        pairs.say(store.location());
        statusBar.textProperty().bind(pairs.statusProperty());
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
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showSelected());
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> selectionChanged());
        rows.addListener((ListChangeListener<StoredPair>) c -> {
            selectionChanged(); // a page arrived: selected rows that were loading are pairs now
            StoredPair selected = table.getSelectionModel().getSelectedItem();
            StoredPair shown = detail.shown();
            if (selected != null && (shown == null || shown.id() != selected.id() || shown.version() != selected.version()) && !detail.isEditing()) {
                showSelected();
            }
        });
        wireDetail();
        acceptDroppedFiles();
        quickExport.statusProperty().addListener((o, was, now) -> message(now));
        table.setPlaceholder(dev.pairstudio.ui.pairs.TablePlaceholder.of(rows, store, emptyState()));
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

    /** What the menus, the toolbar and the keys do. */
    public CommandTable commands() {
        return commands;
    }

    /** Registers the command table's keys on the scene the window lives in. */
    public void install(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("notifications.css")).toExternalForm());
        commands.install(scene);
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }

    private void showHelp() {
        HelpOverlay.create(window(), commands).show();
    }

    private void toggleTheme() {
        Theme.apply(root, !Theme.isDark(root));
        settings.put(DARK_THEME, Theme.isDark(root));
        settings.save();
    }

    private SchemasView schemasView(Runnable showPairsTab) {
        SchemasView view = new SchemasView(store, tasks);
        view.setOnShowPairs((db, tableNames) -> {
            filters.batch(() -> {
                filters.clear();
                filters.databaseNames.add(db);
                filters.tables.addAll(tableNames);
            });
            showPairsTab.run();
        });
        view.setOnPairsChecked(this::dataChanged);
        return view;
    }

    /**
     * Loads the filter choices, the word index and the catch-up; call once the window is shown, and
     * again to re-read everything. They start after the first page is on screen: on two cores they
     * would otherwise compete with it.
     */
    public void load() {
        if (loaded) {
            rows.reload(filters.filter(), table.currentSort()); // loaded again (the demo pairs arrived): read the rows again
        }
        loaded = true;
        if (rows.waitingProperty().get()) {
            rows.waitingProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        o.removeListener(this);
                        loadTheRest();
                    }
                }
            });
        } else {
            loadTheRest();
        }
    }

    /** After {@link #dispose} (the first page of a closed window) the closed task runner and watcher start nothing. */
    private void loadTheRest() {
        countTotals();
        tasks.run("list database types and names", () -> List.of(store.databaseTypes(), store.databaseNames()),
                lists -> filterPanel.setChoices(lists.get(0), lists.get(1)));
        tasks.run("prepare the word index", () -> {
            store.prepare(); // the word index: the first search at 1M pairs took 5 s without it
            return null;
        }, done -> { });
        tasks.runWithProgress("catch up on analysis and schema checks",
                progress -> CatchUp.run(store, enricher, duplicates, analyzer, progress::isCancelled), done -> {
                    if (done.changedPairs()) {
                        message(done.message());
                        rows.reload(filters.filter(), table.currentSort());
                    }
                }, tasks::failed);
        showSavedFilters();
        otherWriters.start();
    }

    /** Another process changed the database (a CLI import, `pairstudio serve`, a colleague): show it. */
    private void changedElsewhere() {
        message("The database was changed outside this window; the table and statistics show the changes.");
        dataChanged();
    }

    private void showSavedFilters() {
        SavedFilters saved = new SavedFilters(store);
        tasks.run("list saved filters", saved::names, names -> filterPanel.setSavedFilters(names,
                name -> tasks.run("read a saved filter", () -> saved.get(name), f -> f.ifPresent(filters::apply)),
                name -> tasks.run("save a filter", () -> {
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
        tasks.run("count the pairs, the reviewed and the trash", () -> new TableHeader.Totals(store.count(PairFilter.ALL),
                store.count(PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED))),
                store.count(PairFilter.ALL.withTrash(true))), tableHeader::setTotals);
    }

    /** After curation, imports or collected pairs: the table and the statistics re-read. */
    private void dataChanged() {
        countTotals();
        rows.refresh();
        if (statistics != null) {
            statistics.refresh();
        }
        otherWriters.shown();
    }

    /** Shows the pair table (0) or the statistics (1). */
    public void showView(int index) {
        views.getSelectionModel().select(index);
    }

    public void dispose() {
        tasks.close(); // its database is about to close: the catch-up stops after its batch, no result arrives
        otherWriters.close();
        if (statistics != null) {
            statistics.dispose();
        }
        if (collector.isRunning()) {
            collector.stop();
        }
        settings.save();
        rows.shutdown();
        analyzer.close();
    }

    /** What the status bar says right now (tests and screen readers). */
    public String statusMessage() {
        return pairs.statusProperty().get();
    }

    // ---- export -----------------------------------------------------------------------

    /** What an export starts from: the current filter and selection, read fresh each time. */
    private ExportContext exportContext() {
        java.util.Set<Long> ids = pairs.selection().stream().map(StoredPair::id).collect(java.util.stream.Collectors.toSet());
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
        demo.setOnAction(e -> tasks.run("add demo data", () -> DemoData.add(store), n -> {
            message("Added " + Plural.of(n, "demo pair") + ".");
            dataChanged();
            tasks.run("list database types and names", () -> List.of(store.databaseTypes(), store.databaseNames()),
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
        List<Path> chosen = dialogs.chooseFiles("Import pairs", List.of(
                DialogService.FileType.of("Pair files (JSONL, JSON, CSV, Spider, BIRD)", "*.jsonl", "*.json", "*.csv", "*.ndjson"),
                DialogService.FileType.of("All files", "*.*")));
        if (!chosen.isEmpty()) {
            importFiles(chosen);
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
            tasks.run("list database types and names", () -> List.of(store.databaseTypes(), store.databaseNames()),
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
        detail.setOnReview(status -> (switch (status) {
            case ACCEPTED -> pairs.accept;
            case REJECTED -> pairs.reject;
            case UNREVIEWED -> pairs.unreview;
        }).execute());
        detail.setOnShowGroup(group -> filters.batch(() -> {
            filters.clear();
            filters.duplicateGroup.set(group);
        }));
        detail.setOnNote(note -> {
            StoredPair p = detail.shown();
            if (p != null) {
                tasks.run("save a note", () -> {
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
            tasks.run("save an edit", () -> curator.edit(p, question, sql), saved -> {
                rows.replace(saved);
                detail.show(saved);
                previewLater.trigger();
                message("Saved. The original text is kept; Ctrl+Z undoes the edit.");
            });
        });
        detail.setSqlValidator((sql, answer) -> {
            String dbType = detail.shown() == null ? null : detail.shown().pair().databaseType();
            tasks.run("analyse edited SQL", () -> analyzer.analyze(sql, dbType), (SqlAnalysis a) -> answer.accept(sqlMessage(sql, a)));
        });
        detail.setSqlExplainer((pair, answer) ->
                tasks.run("explain SQL", () -> SqlExplainer.explain(analyzer.parse(pair.sql(), pair.databaseType())), answer::accept));
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
        tasks.run("change a privacy list", () -> {
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
        tasks.run("read validation messages", () -> store.validation(p.id()).map(v -> {
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
        tasks.run("anonymize for the preview", () -> a.anonymize(p.pair()), result -> {
            if (seq == previewSequence) {
                preview.show(result, a.policy().name());
            }
        }, error -> preview.showEmpty("No preview: " + error.getMessage()));
    }

    // ---- chrome -----------------------------------------------------------------------

    /** What File › Open database does with the user's choice (the application swaps the window); none: disabled. */
    public void setOnOpenDatabase(Consumer<OpenDatabaseDialog.Choice> handler) {
        openDatabaseHandler.set(handler);
    }

    private void openDatabase() {
        new OpenDatabaseDialog(window(), store.folder()).showAndWait()
                .ifPresent(choice -> openDatabaseHandler.get().accept(choice));
    }

    private ToolBar toolBar() {
        collectorToggle = new CollectorToggle(collector, tasks, this::message, this::dataChanged);
        ToggleButton trash = new ToggleButton("Trash");
        trash.setId("trash-toggle");
        trash.setTooltip(new Tooltip("Show the trash: restore pairs or empty it"));
        trash.selectedProperty().bindBidirectional(filters.trash);
        Button quickExportButton = commands.button("quick-export");
        Button deleteMatching = commands.button("delete-matching");
        Button restore = commands.button("restore");
        Button emptyTrash = commands.button("empty-trash");
        // the trash has buttons of its own instead of the two that act on live pairs: all four do not fit at 1024 px
        javafx.beans.binding.BooleanExpression inTrash = pairs.emptyTrash.executableProperty();
        for (Button b : List.of(quickExportButton, deleteMatching, restore, emptyTrash)) {
            b.visibleProperty().bind(b == restore || b == emptyTrash ? inTrash : inTrash.not());
            b.managedProperty().bind(b.visibleProperty());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(commands.button("import"), commands.button("export"), quickExportButton, new Separator(),
                commands.button("undo"), new Separator(), deleteMatching, trash, restore, emptyTrash,
                spacer, collectorToggle, commands.button("help"));
    }

    /** The collector's address and token while it runs (tests, the status bar). */
    public CollectorControl.Address collectorAddress() {
        return collectorToggle.address();
    }

    /** Shows {@code text} in the status bar. */
    public void message(String text) {
        pairs.say(text);
    }

    private void selectionChanged() {
        pairs.select(table.getSelectionModel().getSelectedItems(), table.getSelectionModel().getSelectedIndex());
    }

    /** For tests: the preview pane. */
    public PreviewPane preview() {
        return preview;
    }
}
