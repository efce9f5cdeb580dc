package dev.pairstudio.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The one place where UI work leaves the FX thread: database, file and network jobs run here
 * as {@link Task}s with progress and cancel. Daemon threads, so a closing window never waits.
 */
public final class BackgroundJobs implements AutoCloseable {
    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pair-studio-job-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public <T> Task<T> run(Task<T> task) {
        executor.execute(task);
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
