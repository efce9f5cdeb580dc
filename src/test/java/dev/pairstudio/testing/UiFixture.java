package dev.pairstudio.testing;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a UI test stands on: a real H2 file in a temporary folder with the test's dataset, and
 * the main window or one view on it, shown on TestFX's stage; all of it closed after each test
 * in the reverse order it was opened (dialogs the test left open first, then the window or view
 * on the FX thread, its background jobs, the database), and a dark theme the test switched to
 * set back to light. TestFX's {@code ApplicationExtension} starts the toolkit (headless on
 * Monocle in the build); register this beside it and call it from the {@code @Start} method:
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class FooUiTest {
 *     @RegisterExtension
 *     final UiFixture ui = new UiFixture();
 *
 *     @Start
 *     void start(Stage stage) throws Exception {
 *         window = ui.window(stage, ui.database("foo", TestPair.of(...).build()), 1200, 800);
 *     }
 * }</pre>
 */
public final class UiFixture implements AfterEachCallback {
    /** Fills a new database with a test's dataset. */
    @FunctionalInterface
    public interface Seed {
        void fill(Database store) throws Exception;
    }

    /** Something the test opened, and how to close it. */
    private record Opened(Object what, AutoCloseable closing) {}

    private final Deque<Opened> open = new ArrayDeque<>();
    private Path dir;

    /** A new database in a temporary folder of its own, filled by {@code seed}. */
    public Database database(String name, Seed seed) throws Exception {
        dir = Files.createTempDirectory(name);
        Database store = opened(dir.resolve("db"));
        seed.fill(store);
        return store;
    }

    /** A new database in a temporary folder of its own holding {@code pairs} as a file import stores them, not analysed. */
    public Database database(String name, Pair... pairs) throws Exception {
        return database(name, store -> store.addAll(List.of(pairs), null, Source.FILE, name));
    }

    /** A database file made for the test (a {@link TestDatabases} copy, a {@link ShopDatabase}), closed after it. */
    public Database database(Path file) {
        dir = file.toAbsolutePath().getParent();
        return opened(file);
    }

    /** A database a helper made and opened in {@code folder} ({@link ShopDatabase}), closed after the test. */
    public Database adopt(Path folder, Database store) {
        dir = folder;
        return closedAfter(store, store);
    }

    /** The folder of the last database opened: for its {@code ui.properties} and the test's own files. */
    public Path dir() {
        return dir;
    }

    /** The window settings beside the last database opened, as saved there so far. */
    public UiSettings settings() {
        return new UiSettings(dir.resolve("ui.properties"));
    }

    /** Background jobs for a view or window the test builds itself; stopped after the test, before the database closes. */
    public BackgroundJobs jobs() {
        BackgroundJobs jobs = new BackgroundJobs();
        return closedAfter(jobs, jobs::close);
    }

    /** The main window on {@code store} as the app shows it, first page loading; disposed after the test. FX thread. */
    public MainWindow window(Stage stage, Database store, double width, double height) {
        return window(stage, new MainWindow(store, new BackgroundJobs(), settings()), width, height);
    }

    /** {@code window}, built by the test (its own jobs, settings or collector), shown as the app shows it. FX thread. */
    public MainWindow window(Stage stage, MainWindow window, double width, double height) {
        TestWindows.show(stage, window, width, height);
        return closedAfter(window, onFx(window::dispose));
    }

    /** One view alone on the stage (no window around it), at the screen's top left. FX thread. */
    public <V extends Parent> V mount(Stage stage, V view, double width, double height) {
        return mount(stage, view, width, height, v -> {});
    }

    /** One view alone on the stage, {@code dispose} run on the FX thread after the test, before its jobs stop. */
    public <V extends Parent> V mount(Stage stage, V view, double width, double height, Consumer<V> dispose) {
        stage.setScene(new Scene(view, width, height));
        stage.sizeToScene(); // TestFX reuses one stage: undo a size an earlier test set
        stage.setX(0); // the whole view on the headless screen, where the robot can click it
        stage.setY(0);
        stage.show();
        return closedAfter(view, onFx(() -> dispose.accept(view)));
    }

    /**
     * Closes {@code opened} (a window, view, jobs or database this fixture gave out) now, as it
     * would after the test: for a test about what closing leaves behind.
     */
    public void close(Object opened) {
        for (Opened o : open) {
            if (o.what() == opened) {
                open.remove(o);
                try {
                    o.closing().close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close " + opened, e);
                }
                return;
            }
        }
        throw new IllegalArgumentException("not opened by this fixture: " + opened);
    }

    /** The address of one of the app's style sheets ({@code "pair-studio.css"}), for a view mounted alone. */
    public static String sheet(String name) {
        return Objects.requireNonNull(MainWindow.class.getResource(name), name).toExternalForm();
    }

    /** The node {@code query} finds once it is there (a dialog, a form that opens); waits up to 20 s. */
    public static <T extends Node> T nodeOnceShown(FxRobot robot, String query, Class<T> type) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }

    /** The text of the labeled node {@code query} once it starts with {@code prefix}; waits up to 20 s. */
    public static String textStartingWith(FxRobot robot, String query, String prefix) throws Exception {
        Labeled label = robot.lookup(query).queryAs(Labeled.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label.getText().startsWith(prefix));
        return label.getText();
    }

    private Database opened(Path file) {
        Database store = Databases.open(file.toString());
        return closedAfter(store, store);
    }

    private <T> T closedAfter(T what, AutoCloseable closing) {
        open.push(new Opened(what, closing));
        return what;
    }

    private static AutoCloseable onFx(Runnable work) {
        return () -> {
            if (Platform.isFxApplicationThread()) {
                work.run();
            } else {
                WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
            }
        };
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        open.push(new Opened(this, onFx(UiFixture::hideDialogs)));
        while (!open.isEmpty()) {
            try {
                open.pop().closing().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        onFx(UiFixture::lightAgain).close();
        if (first != null) {
            throw first;
        }
    }

    /** Hides every window but TestFX's stage: a dialog a test left open would sit over the next test's window. */
    private static void hideDialogs() {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
    }

    /** The theme is one for the whole toolkit: a test that switched to dark must not leave the next one dark. */
    private static void lightAgain() {
        if (new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        }
    }
}
