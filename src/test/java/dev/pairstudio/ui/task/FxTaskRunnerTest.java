package dev.pairstudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.ui.BackgroundJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window's task runner on real threads: results on the FX thread, failures logged without pair text, close stops everything. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final FxTaskRunner runner = new FxTaskRunner(jobs);

    @AfterEach
    void shutDown() {
        runner.close();
        jobs.close();
    }

    @Test
    void theResultAndTheProgressArriveOnTheFxThread() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Job[] job = new Job[1];
        WaitForAsyncUtils.asyncFx(() -> job[0] = runner.runWithProgress(
                        "count",
                        progress -> {
                            seen.add(Platform.isFxApplicationThread());
                            progress.update(3, 4);
                            return 42;
                        },
                        n -> {
                            seen.add(Platform.isFxApplicationThread());
                            seen.add(n);
                        },
                        e -> seen.add(e)))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> seen.size() == 3);
        assertThat(seen).containsExactly(false, true, 42);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(job[0].progressProperty().get()).isEqualTo(0.75);
        assertThat(job[0].runningProperty().get()).isFalse();
    }

    @Test
    void aFailureIsLoggedWithItsNameAndClassButNeverWithTheMessageThatQuotesThePair() throws Exception {
        String pairText = "SELECT * FROM customers WHERE email = 'zed.quill@example.org'";
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        List<Throwable> handed = new CopyOnWriteArrayList<>();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            WaitForAsyncUtils.asyncFx(() -> runner.run(
                            "parse the edited SQL",
                            () -> {
                                throw new IllegalStateException(
                                        "cannot parse " + pairText, new IllegalArgumentException(pairText));
                            },
                            x -> {},
                            handed::add))
                    .get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !handed.isEmpty());
        } finally {
            System.setErr(err);
        }
        assertThat(handed.get(0)).hasMessageContaining("zed.quill"); // the user still sees what went wrong
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged)
                .contains("parse the edited SQL")
                .contains("java.lang.IllegalStateException")
                .contains("java.lang.IllegalArgumentException")
                .contains("FxTaskRunnerTest");
        assertThat(logged).doesNotContain("zed.quill").doesNotContain("customers");
    }

    @Test
    void aFailureWithoutItsOwnHandlerGoesToTheRunnersHandler() throws Exception {
        List<Throwable> handed = new CopyOnWriteArrayList<>();
        runner.setFailureHandler(handed::add);
        WaitForAsyncUtils.asyncFx(() -> runner.run(
                        "read",
                        () -> {
                            throw new IOException("disk gone");
                        },
                        x -> {}))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> handed.size() == 1);
        assertThat(handed.get(0)).hasMessage("disk gone");
    }

    /** What File › Open database relies on: closing the old window's runner stops its work and drops its results. */
    @Test
    void closeStopsRunningAndQueuedWorkAndRefusesNewWork() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicBoolean delivered = new AtomicBoolean();
        AtomicBoolean queuedRan = new AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> {
                    for (int i = 0; i < 2; i++) { // both job threads busy until cancelled
                        runner.runWithProgress(
                                "long catch-up",
                                progress -> {
                                    started.countDown();
                                    while (!progress.isCancelled()) {
                                        Thread.sleep(5);
                                    }
                                    return 1;
                                },
                                x -> delivered.set(true),
                                e -> delivered.set(true));
                    }
                    runner.run("queued", () -> queuedRan.getAndSet(true), x -> delivered.set(true));
                })
                .get(5, TimeUnit.SECONDS);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.working()).isEqualTo(3);

        WaitForAsyncUtils.asyncFx(runner::close).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runner.working() == 0);
        Job late = WaitForAsyncUtils.asyncFx(
                        () -> runner.run("after close", () -> queuedRan.getAndSet(true), x -> delivered.set(true)))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queuedRan)
                .as("neither the queued job nor one asked for after close ran")
                .isFalse();
        assertThat(delivered).as("no result reached a closed window").isFalse();
        assertThat(late.runningProperty().get()).isFalse();
    }
}
