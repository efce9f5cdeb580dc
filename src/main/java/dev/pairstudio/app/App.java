package dev.pairstudio.app;

import atlantafx.base.theme.PrimerLight;
import dev.pairstudio.demo.DemoData;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.StoreException;
import dev.pairstudio.store.UserDataDirectory;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.OpenDatabaseDialog;
import dev.pairstudio.ui.RecentDatabases;
import dev.pairstudio.ui.UiSettings;
import dev.pairstudio.ui.dialog.DialogService;
import dev.pairstudio.ui.dialog.FxDialogService;
import dev.pairstudio.ui.task.FxTaskRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: opens the database given as {@code --db=PATH|URL}, else the one in the
 * user data directory (creating it and adding demo pairs on the very first start), and shows the
 * main window. The store opens in the background so the window appears at once.
 */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512};

    private final BackgroundJobs jobs = new BackgroundJobs();
    /** Opening and closing stores, the first start's demo data; each window has a runner of its own. */
    private final FxTaskRunner tasks = new FxTaskRunner(jobs);

    private Database store;
    private GuiLock lock;
    private MainWindow window;
    private UiSettings settings;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        String given = getParameters().getNamed().get("db");
        stage.setTitle("Pair Studio");
        addIcons(stage);
        settings = new UiSettings(UserDataDirectory.get().resolve("ui.properties"));
        WindowPlacement.restore(stage, settings);
        stage.setScene(new Scene(new Label("Opening " + (given != null ? given : "your database") + " …")));
        stage.show();
        StoreOpening.take(given)
                .whenComplete((opened, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        fail(cause instanceof StoreOpening.Refused ? cause.getMessage() : message(cause));
                        return;
                    }
                    lock = opened.lock();
                    show(stage, opened.store());
                    FirstRowsLog.watch(stage.getScene(), window.table()); // the start's figure, not a later switch's
                    if (given == null) { // demo pairs belong in the user's own first database, not in one they named
                        addDemoDataOnFirstStart();
                    }
                }));
    }

    /** Puts a main window over {@code opened} into the stage. */
    private void show(Stage stage, Database opened) {
        store = opened;
        window = new MainWindow(store, jobs, settings, new EmbeddedCollector(store));
        window.setOnOpenDatabase(choice -> switchTo(stage, choice));
        Scene scene = new Scene(window.root(), stage.getWidth(), stage.getHeight());
        window.install(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(close -> {
            if (window.exportRunning()) {
                if (new FxDialogService(() -> stage)
                        .confirm(new DialogService.Confirmation(
                                "confirm-close-during-export",
                                "Export in progress",
                                "An export is still running. Cancel it and close Pair Studio? A cancelled export leaves no file.",
                                "Cancel the export and close"))) {
                    window.cancelExport();
                } else {
                    close.consume();
                }
            }
        });
        stage.setTitle("Pair Studio — " + store.location());
        new RecentDatabases(settings).opened(store.location());
        window.load();
        LOG.info("Opened {}", store.location());
    }

    /**
     * File › Open database: the other database opens in the background while this one stays in
     * use; only when it is open does the window change over (and the old database close). A
     * failure leaves everything as it was and says why.
     */
    private void switchTo(Stage stage, OpenDatabaseDialog.Choice choice) {
        if (window.exportRunning()) {
            error(stage, "An export is still running: let it finish or cancel it first.");
            return;
        }
        GuiLock newLock = null;
        if (!choice.team()) {
            Path file = StoreOpening.h2File(choice.location());
            try {
                Optional<GuiLock> acquired = GuiLock.tryAcquire(file);
                if (acquired.isEmpty()) {
                    error(stage, "Pair Studio is already open on " + file + ".mv.db (this window or another).");
                    return;
                }
                newLock = acquired.get();
            } catch (IOException e) {
                error(stage, "Cannot use " + file.getParent() + ": " + e.getMessage());
                return;
            }
        }
        GuiLock lockOfNew = newLock;
        char[] typed = choice.password();
        window.message("Opening " + (choice.team() ? "the team database" : choice.location()) + " …");
        boolean[] asked = {false};
        tasks.run(
                "open another database",
                () -> Databases.open(choice.location(), where -> {
                    // the password typed in the dialog, once; a refused one ends the attempt with the server's reason
                    if (asked[0] || typed.length == 0) {
                        return Optional.empty();
                    }
                    asked[0] = true;
                    return Optional.of(typed.clone());
                }),
                opened -> {
                    Arrays.fill(typed, '\0');
                    Database old = store;
                    GuiLock oldLock = lock;
                    window.dispose();
                    lock = lockOfNew;
                    show(stage, opened);
                    tasks.run(
                            "close the previous database",
                            () -> { // closing may compact the old file for a few seconds
                                old.close();
                                if (oldLock != null) {
                                    oldLock.close();
                                }
                                return null;
                            },
                            done -> {});
                },
                e -> {
                    Arrays.fill(typed, '\0');
                    if (lockOfNew != null) {
                        lockOfNew.close();
                    }
                    error(stage, message(e));
                });
    }

    private static void error(Stage owner, String text) {
        new FxDialogService(() -> owner).error("Cannot open that database", text);
    }

    /** The first start's demo pairs arrive after the window is usable; the table fills when they are stored. */
    private void addDemoDataOnFirstStart() {
        tasks.run("add the demo data", () -> DemoData.addOnFirstStart(store), added -> {
            if (added > 0) {
                window.load();
            }
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            settings.save();
            window.dispose();
        }
        tasks.close();
        jobs.close();
        if (store != null) {
            store.close();
        }
        if (lock != null) {
            lock.close();
        }
    }

    private static String message(Throwable e) {
        if (e instanceof StoreException) {
            return e.getMessage();
        }
        LOG.error("Could not open the database", e);
        return "Could not open the database: " + e.getMessage() + " (details in the log file in "
                + UserDataDirectory.get() + ")";
    }

    private static void fail(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Pair Studio cannot start");
        alert.setTitle("Pair Studio");
        alert.showAndWait();
        Platform.exit();
    }

    private static void addIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            try (InputStream in = App.class.getResourceAsStream("/dev/pairstudio/icons/pair-studio-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (IOException ignored) {
                // an icon is decoration: the window works without it
            }
        }
    }
}
