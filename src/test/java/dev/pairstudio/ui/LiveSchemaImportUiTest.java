package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.testing.TestPair;
import dev.pairstudio.testing.UiFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Schemas › Import from a database… against real H2 databases: one that answers, a wrong password, a server that hangs. */
@ExtendWith(ApplicationExtension.class)
class LiveSchemaImportUiTest {
    private static final String PASSWORD = "pw-7f3a9c";

    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;
    private String liveUrl;

    @Start
    void start(Stage stage) throws Exception {
        store = ui.database(
                "live-schema-ui",
                onShop("a", "Customer emails", "SELECT email FROM customers"),
                onShop("b", "Customer phones", "SELECT phone FROM customers"));
        liveUrl = "jdbc:h2:" + ui.dir().resolve("live").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(liveUrl, "owner", PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(80) UNIQUE)");
            s.execute(
                    "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), total DECIMAL(8,2))");
        }
        window = ui.window(stage, store, 1200, 800);
    }

    @Test
    void aWrongPasswordIsExplainedInlineThenTheRightOneStoresTheSchemaAndForgetsThePassword(FxRobot robot)
            throws Exception {
        openForm(robot);
        fill(robot, liveUrl, "owner", "wrong", "PUBLIC", "shop", "10");
        robot.clickOn("#live-import");
        assertThat(UiFixture.textStartingWith(robot, "#live-problem", "Cannot read"))
                .startsWith("Cannot read the schema from " + liveUrl + ": Wrong user name or password");
        assertThat(store.latestSchemas()).isEmpty();
        assertThat(robot.lookup("#live-url").queryAs(TextField.class).getText())
                .isEqualTo(liveUrl); // the form stays filled in

        robot.interact(
                () -> robot.lookup("#live-password").queryAs(TextField.class).setText(PASSWORD));
        robot.clickOn("#live-import");
        assertThat(UiFixture.textStartingWith(robot, "#schema-import-status", "Stored"))
                .isEqualTo("Stored shop version 1 (2 tables, 6 columns) from " + liveUrl + "; checked 2 pairs.");
        assertThat(robot.lookup("#live-url").tryQuery()).isEmpty();
        assertThat(store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_COLUMN))))
                .isEqualTo(1); // phone
        StoredSchema stored = store.latestSchemas().get(0);
        assertThat(stored.source())
                .isEqualTo("jdbc:h2:" + ui.dir().resolve("live").toAbsolutePath());
        assertThat(stored.definition()).contains("\"uniqueKeys\":[[\"EMAIL\"]]").doesNotContain(PASSWORD);
        // nothing the window or the store keeps holds it once they are closed
        ui.close(window);
        ui.close(store);
        assertThat(Files.readString(ui.dir().resolve("ui.properties"))).doesNotContain(PASSWORD);
        assertThat(new String(Files.readAllBytes(ui.dir().resolve("db.mv.db")), StandardCharsets.ISO_8859_1))
                .contains("CUSTOMERS")
                .doesNotContain(PASSWORD);
    }

    @Test
    void aServerThatNeverAnswersCostsTheTimeLimitAndOneClearLineWhileTheWindowStaysResponsive(FxRobot robot)
            throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    Thread.sleep(30_000); // accepts and says nothing
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            openForm(robot);
            String url = "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/shop";
            fill(robot, url, "sa", "secret", "", "shop", "2");
            long start = System.nanoTime();
            robot.clickOn("#live-import");
            Label problem = robot.lookup("#live-problem").queryAs(Label.class);
            assertThat(problem.getText()).startsWith("Connecting to " + url);
            // the FX thread is free meanwhile: the Pairs tab's filter still answers
            robot.interact(() -> window.filters().flags.add(QualityFlag.UNKNOWN_TABLE));
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> problem.getText().startsWith("No answer"));
            assertThat((System.nanoTime() - start) / 1e9).isBetween(1.5, 15.0);
            assertThat(problem.getText()).isEqualTo("No answer from " + url + " within 2.0 s; nothing imported");
            assertThat(robot.lookup("#live-import").query().isDisabled()).isFalse(); // ready for another try
            assertThat(store.latestSchemas()).isEmpty();
        }
    }

    @Test
    void aFormThatCannotWorkSaysWhyBeforeConnecting(FxRobot robot) throws Exception {
        openForm(robot);
        fill(robot, "h2:/data/shop", "", "", "", "shop", "20");
        robot.clickOn("#live-import");
        assertThat(robot.lookup("#live-problem").queryAs(Label.class).getText())
                .isEqualTo("A JDBC URL starts with jdbc:, for example jdbc:h2:/data/shop.");
        fill(robot, liveUrl, "", "", "", "shop", "0");
        robot.clickOn("#live-import");
        assertThat(robot.lookup("#live-problem").queryAs(Label.class).getText())
                .isEqualTo("The time limit is a number of seconds from 1 to 600.");
    }

    /** A pair on the H2 database "shop", whose schema the test imports live. */
    private static Pair onShop(String id, String question, String sql) {
        return TestPair.of(id, question, sql).on("h2", "shop").build();
    }

    private static void openForm(FxRobot robot) throws Exception {
        robot.clickOn("Schemas");
        robot.clickOn("#schema-import-live");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> robot.lookup("#live-url").tryQuery().isPresent());
    }

    private static void fill(FxRobot robot, String... values) {
        String[] ids = {"#live-url", "#live-user", "#live-password", "#live-schema", "#live-database", "#live-timeout"};
        robot.interact(() -> {
            for (int i = 0; i < ids.length; i++) {
                robot.lookup(ids[i]).queryAs(TextField.class).setText(values[i]);
            }
        });
    }
}
