package dev.pairstudio.ui;

import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.settings.SavedFilters;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
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
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The screen a curator lives in: filters on the left, the pair table, the selected pair's
 * details beside its anonymization preview, and a status bar with the live count. Every
 * database call runs in its {@link TaskRunner}; this class only wires and draws.
 */
public final class MainWindow {
    /** The theme is a setting of the user, not of a window: File › Open database keeps it. */
    private static final String DARK_THEME = "theme.dark";

    private final Database store;
    private final BackgroundJobs jobs;
    /** This window's background work: {@link #dispose} cancels it (the catch-up stops after the batch in hand). */
    private final FxTaskRunner tasks;

    private final UiSettings settings;
    private final CollectorControl collector;
    private final ChangeWatcher otherWriters;
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
    private final DialogService dialogs = new FxDialogService(
            () -> root.getScene() == null ? null : root.getScene().getWindow());
    private final PairsViewModel pairs;
    private final DatabaseSwitch databaseSwitch;
    private final CommandTable commands;
    private final QuickExport quickExport = new QuickExport();
    private final TabPane views = new TabPane();
    /** Built when its tab is first selected, as is {@link #statistics}: the window's first rows come sooner without them. */
    private SchemasView schemasView;

    private StatisticsView statistics;
    /** The policy and lists as they are now: built on first use, again when a privacy list changes in the preview. */
    private final CurrentAnonymizer anonymizer;

    private final CollectorToggle collectorToggle;
    private final SelectedPair selectedPair;
    private final ImportEntry importing;
    /** Whether {@link #load} ran: the first page itself starts loading in the constructor. */
    private boolean loaded;

    public MainWindow(Database store, BackgroundJobs jobs, UiSettings settings) {
        this(store, jobs, settings, CollectorControl.NONE);
    }

    public MainWindow(Database store, BackgroundJobs jobs, UiSettings settings, CollectorControl collector) {
        this.store = store;
        this.collector = collector;
        this.settings = settings;
        this.jobs = jobs;
        this.tasks = new FxTaskRunner(jobs);
        tasks.setFailureHandler(e -> message(e.getMessage() == null ? e.toString() : e.getMessage()));
        this.anonymizer = new CurrentAnonymizer(store);
        this.enricher = new AnalyzingEnricher(analyzer, anonymizer); // the lists as they are now
        this.duplicates = new DuplicateTracker(store);
        this.curator = new Curator(
                store, enricher, duplicates, edited -> ValidationRun.validateNow(store, analyzer, List.of(edited)));
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

        root.setId("main-window");
        root.getStyleClass().add("main-window");
        root.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("pair-studio.css"))
                        .toExternalForm());
        this.databaseSwitch = new DatabaseSwitch(store, dialogs, this::window);
        commands = MainCommands.of(
                pairs,
                new MainCommands.WindowActions(
                        databaseSwitch.openCommand(),
                        this::chooseAndImport,
                        () -> ExportWizard.show(
                                window(),
                                exportContext(),
                                result -> message("Exported " + Curator.count(result.written()) + ".")),
                        () -> quickExport.run(exportContext(), window()),
                        () -> window().hide(),
                        new Command(pairs.delete.executableProperty(), detail::startEditing),
                        () -> filters.trash.set(!filters.trash.get()),
                        this::dataChanged,
                        () -> showView(0),
                        () -> showView(1),
                        this::toggleTheme,
                        () -> root.lookup("#search").requestFocus(),
                        this::showHelp));
        this.collectorToggle = new CollectorToggle(collector, tasks, this::message, this::dataChanged);
        root.setTop(new VBox(
                commands.menuBar(Map.of("open-database", List.of(databaseSwitch.recentMenu(settings)))),
                MainToolBar.create(commands, pairs, filters, collectorToggle)));
        SplitPane lower = new SplitPane(detail, preview);
        lower.setDividerPositions(0.5);
        this.tableHeader = new TableHeader(filters, rows, store::sortReady);
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
        this.selectedPair = new SelectedPair(
                new SelectedPair.Parts(store, tasks, table, rows, detail, preview, anonymizer, this::message),
                pairs,
                filters,
                curator,
                analyzer);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selectedPair.showSelected());
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>)
                c -> selectionChanged());
        rows.addListener((ListChangeListener<StoredPair>) c -> {
            selectionChanged(); // a page arrived: selected rows that were loading are pairs now
            StoredPair selected = table.getSelectionModel().getSelectedItem();
            StoredPair shown = detail.shown();
            if (selected != null
                    && (shown == null || shown.id() != selected.id() || shown.version() != selected.version())
                    && !detail.isEditing()) {
                selectedPair.showSelected();
            }
        });
        dev.pairstudio.ui.filter.ChoiceCounting.attach(filterPanel, store, tasks, rows::filter, rows.loadingProperty());
        this.importing = new ImportEntry(root, store, duplicates, jobs, dialogs, tasks, this::message, () -> {
            dataChanged();
            listChoices();
        });
        quickExport.statusProperty().addListener((o, was, now) -> message(now));
        table.setPlaceholder(dev.pairstudio.ui.pairs.TablePlaceholder.of(rows, store, importing.emptyState(filters)));
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
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("notifications.css"))
                        .toExternalForm());
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
            rows.reload(
                    filters.filter(),
                    table.currentSort()); // loaded again (the demo pairs arrived): read the rows again
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
        listChoices();
        tasks.run(
                "prepare the word index and the text orders",
                () -> {
                    store.prepare(); // without it the first search at 1M pairs took 5 s, the first sort by question
                    // 13 s
                    return null;
                },
                done -> {});
        tasks.runWithProgress(
                "catch up on analysis and schema checks",
                progress -> CatchUp.run(store, enricher, duplicates, analyzer, progress::isCancelled),
                done -> {
                    if (done.changedPairs()) {
                        message(done.message());
                        rows.reload(filters.filter(), table.currentSort());
                    }
                },
                tasks::failed);
        showSavedFilters();
        otherWriters.start();
    }

    /** The database types and names the filter panel offers, read again. */
    private void listChoices() {
        tasks.run(
                "list database types and names",
                () -> List.of(store.databaseTypes(), store.databaseNames()),
                lists -> filterPanel.setChoices(lists.get(0), lists.get(1)));
    }

    /** Another process changed the database (a CLI import, `pairstudio serve`, a colleague): show it. */
    private void changedElsewhere() {
        message("The database was changed outside this window; the table and statistics show the changes.");
        dataChanged();
    }

    private void showSavedFilters() {
        SavedFilters saved = new SavedFilters(store);
        tasks.run(
                "list saved filters",
                saved::names,
                names -> filterPanel.setSavedFilters(
                        names,
                        name -> tasks.run(
                                "read a saved filter", () -> saved.get(name), f -> f.ifPresent(filters::apply)),
                        name -> tasks.run(
                                "save a filter",
                                () -> {
                                    saved.save(name, filters.filter());
                                    return name;
                                },
                                n -> {
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
        tasks.run(
                "count the pairs, the reviewed and the trash",
                () -> new TableHeader.Totals(
                        store.count(PairFilter.ALL),
                        store.count(PairFilter.ALL.withStatuses(Set.of(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED))),
                        store.count(PairFilter.ALL.withTrash(true))),
                tableHeader::setTotals);
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
        java.util.Set<Long> ids =
                pairs.selection().stream().map(StoredPair::id).collect(java.util.stream.Collectors.toSet());
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

    private void chooseAndImport() {
        importing.chooseAndImport();
    }

    /** Imports files (chosen, dropped, or from a test) with a progress dialog that can cancel. */
    public void importFiles(List<Path> files) {
        importing.importFiles(files);
    }

    // ---- chrome -----------------------------------------------------------------------

    /** What File › Open database and Open recent do with the user's choice (the application swaps the window); none: disabled. */
    public void setOnOpenDatabase(Consumer<OpenDatabaseDialog.Choice> handler) {
        databaseSwitch.setOnOpen(handler);
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
        pairs.select(
                table.getSelectionModel().getSelectedItems(),
                table.getSelectionModel().getSelectedIndex());
    }

    /** For tests: the preview pane. */
    public PreviewPane preview() {
        return preview;
    }
}
