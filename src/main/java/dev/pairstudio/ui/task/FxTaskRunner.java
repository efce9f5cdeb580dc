package dev.pairstudio.ui.task;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The application's {@link TaskRunner}: each job is a JavaFX {@link Task} on a shared executor
 * ({@code BackgroundJobs}), so its progress and message reach the FX thread coalesced. One runner
 * per window: {@link #close()} cancels that window's jobs, not the application's.
 */
public final class FxTaskRunner extends TaskRunner.WithFailureHandler {
    private final Executor executor;
    private final Set<Task<?>> live = ConcurrentHashMap.newKeySet();
    /** Jobs whose work has not returned yet, cancelled ones included: what "nothing left running" counts. */
    private final AtomicInteger working = new AtomicInteger();

    private volatile boolean closed;

    public FxTaskRunner(Executor executor) {
        this.executor = executor;
    }

    @Override
    public <T> Job runWithProgress(
            String name, Work<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return closed || isDone();
                    }
                });
            }
        };
        Job job = new Job(() -> task.cancel(false));
        job.progress.bind(task.progressProperty());
        job.message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            live.remove(task);
            job.finished();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            live.remove(task);
            job.finished();
            TaskFailures.log(name, task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            live.remove(task);
            job.finished();
        });
        if (closed) {
            task.cancel(false);
            return job;
        }
        live.add(task);
        working.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run(); // returns at once when cancelled while queued
                } finally {
                    working.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) { // the executor was shut down: the application is closing
            working.decrementAndGet();
            live.remove(task);
            task.cancel(false);
        }
        return job;
    }

    /** Jobs queued or still inside their work (a cancelled job counts until its work returns). */
    public int working() {
        return working.get();
    }

    @Override
    public void close() {
        closed = true;
        for (Task<?> t : live) {
            t.cancel(false); // queued ones never start; running ones see isCancelled() and stop
        }
        live.clear();
    }
}
