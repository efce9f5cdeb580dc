package dev.pairstudio.testing;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a UI test stands on: a real H2 file in a temporary folder with the test's dataset, and
 * the main window or one view on it, shown on TestFX's stage; all of it closed after each test
 * (window or view first, then the database). TestFX's {@code ApplicationExtension} starts the
 * toolkit (headless on Monocle in the build); register this beside it and call it from the
 * {@code @Start} method:
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class FooUiTest {
 *     @RegisterExtension
 *     final UiFixture ui = new UiFixture();
 *
 *     @Start
 *     void start(Stage stage) throws Exception {
 *         window = ui.window(stage, ui.database("foo", store -> store.addAll(...)), 1200, 800);
 *     }
 * }</pre>
 */
public final class UiFixture implements AfterEachCallback {
    /** Fills a new database with a test's dataset. */
    @FunctionalInterface
    public interface Seed {
        void fill(Database store) throws Exception;
    }

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private Path dir;

    /** A new database in a temporary folder of its own, filled by {@code seed}. */
    public Database database(String name, Seed seed) throws Exception {
        dir = Files.createTempDirectory(name);
        Database store = opened(dir.resolve("db"));
        seed.fill(store);
        return store;
    }

    /** A database file made for the test (a {@link TestDatabases} copy, a {@link ShopDatabase}), closed after it. */
    public Database database(Path file) {
        dir = file.toAbsolutePath().getParent();
        return opened(file);
    }

    /** A database a helper made and opened in {@code folder} ({@link ShopDatabase}), closed after the test. */
    public Database adopt(Path folder, Database store) {
        dir = folder;
        open.push(store);
        return store;
    }

    /** The folder of the last database opened: for its {@code ui.properties} and the test's own files. */
    public Path dir() {
        return dir;
    }

    /** The main window on {@code store} as the app shows it, first page loading; disposed after the test. FX thread. */
    public MainWindow window(Stage stage, Database store, double width, double height) {
        MainWindow window = TestWindows.show(stage, store, dir.resolve("ui.properties"), width, height);
        open.push(window::dispose);
        return window;
    }

    /** A window the test built itself (with a collector, say), shown as the app shows it; disposed after the test. FX thread. */
    public MainWindow show(Stage stage, MainWindow window, double width, double height) {
        open.push(window::dispose);
        return TestWindows.show(stage, window, width, height);
    }

    /** One view alone on the stage (no window around it). FX thread. */
    public <V extends Parent> V mount(Stage stage, V view, double width, double height) {
        stage.setScene(new Scene(view, width, height));
        stage.sizeToScene(); // TestFX reuses one stage: undo a size an earlier test set
        stage.show();
        return view;
    }

    private Database opened(Path file) {
        Database store = Databases.open(file.toString());
        open.push(store);
        return store;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
