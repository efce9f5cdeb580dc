package dev.pairstudio.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** JavaFX for the benchmark mains: headless on Monocle with software rendering, as the UI tests run. */
public final class HeadlessFx {
    private HeadlessFx() {}

    /** Starts the FX platform headless; call once, before any window. */
    public static void start() throws InterruptedException {
        for (String[] p : new String[][] {
            {"glass.platform", "Monocle"},
            {"monocle.platform", "Headless"},
            {"prism.order", "sw"},
            {"prism.text", "t2k"},
            {"java.awt.headless", "true"},
            {"headless.geometry", "1600x1000-32"}
        }) {
            System.setProperty(p[0], p[1]);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    public static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(600, TimeUnit.SECONDS);
    }
}
