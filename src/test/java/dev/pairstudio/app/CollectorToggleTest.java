package dev.pairstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.CollectorControl;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.Screenshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar toggle starts the collector on loopback; pairs an assistant posts show up in the open table. */
@ExtendWith(ApplicationExtension.class)
class CollectorToggleTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        store = ui.database(TestDatabases.copyOf("collector-window", () -> new SyntheticPairs(5).list(50)));
        window = ui.window(
                stage,
                new MainWindow(store, new BackgroundJobs(), ui.settings(), new EmbeddedCollector(store)),
                1400,
                900);
    }

    /** Once the window shows its 50 pairs, the toolbar toggle starts the collector: where it listens. */
    private CollectorControl.Address startCollector(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> "50 pairs"
                        .equals(robot.lookup("#match-count").queryLabeled().getText()));
        robot.clickOn("#collector-toggle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.collectorAddress() != null);
        return window.collectorAddress();
    }

    @Test
    void postedPairsArriveInTheOpenWindow(FxRobot robot) throws Exception {
        var address = startCollector(robot);
        assertThat(address.url()).startsWith("http://127.0.0.1:");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(address.url() + "/pairs"))
                                .header("Authorization", "Bearer " + address.token())
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"natural_language_query\":\"How many tracks are there?\",\"sql_query\":\"SELECT COUNT(*) FROM tracks\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> "51 pairs"
                        .equals(robot.lookup("#match-count").queryLabeled().getText()));
        assertThat(store.count(PairFilter.ALL)).isEqualTo(51);
        Screenshots.save(robot.lookup("#main-window").query().getScene(), "main-window-collector");

        robot.clickOn("#collector-toggle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.collectorAddress() == null);
        assertThat(window.statusMessage()).contains("Collector stopped");
    }

    /** An assistant that keeps posting never pauses: its pairs must show while it posts, not once it stops. */
    @Test
    void aSteadyStreamOfPairsShowsWhileItFlows(FxRobot robot) throws Exception {
        var address = startCollector(robot);
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean posting = new AtomicBoolean(true);
        Thread assistant = new Thread(() -> {
            try {
                for (int i = 0; i < 80; i++) { // 8 s, one pair every 100 ms
                    http.send(
                            HttpRequest.newBuilder(URI.create(address.url() + "/pairs"))
                                    .header("Authorization", "Bearer " + address.token())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"natural_language_query\":\"How many tracks are in album " + i
                                                    + "?\",\"sql_query\":\"SELECT COUNT(*) FROM tracks WHERE album_id = "
                                                    + i + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            } finally {
                posting.set(false);
            }
        });
        assistant.start();
        try {
            WaitForAsyncUtils.waitFor(
                    5,
                    TimeUnit.SECONDS,
                    () -> !"50 pairs"
                            .equals(robot.lookup("#match-count").queryLabeled().getText()));
            assertThat(posting.get())
                    .as("the table showed new pairs while they were still arriving")
                    .isTrue();
        } finally {
            assistant.interrupt();
            assistant.join();
        }
    }
}
