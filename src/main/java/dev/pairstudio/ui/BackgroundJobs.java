package dev.pairstudio.ui;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The application's two job threads: database, file and network jobs of every window run here,
 * through each window's {@link dev.pairstudio.ui.task.TaskRunner}. Daemon threads, so a closing
 * window never waits.
 */
public final class BackgroundJobs implements Executor, AutoCloseable {
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

    /** Where a window's {@link dev.pairstudio.ui.task.FxTaskRunner} puts its jobs. */
    @Override
    public void execute(Runnable job) {
        executor.execute(job);
    }

    /**
     * Takes no more jobs and waits up to {@code timeout} for those queued or running to end,
     * without interrupting them (an interrupt inside H2's file I/O closes the database's file).
     * True when all ended.
     */
    public boolean finish(Duration timeout) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
