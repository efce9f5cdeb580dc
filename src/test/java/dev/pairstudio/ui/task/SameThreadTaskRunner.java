package dev.pairstudio.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for view-model tests without a window: the work, then its result or
 * failure, run at once on the caller's thread, so a test reads the outcome on the next line.
 * Failures are logged as the application logs them, and kept for the test to look at.
 */
public final class SameThreadTaskRunner extends TaskRunner.WithFailureHandler {
    private final List<Throwable> failures = new ArrayList<>();
    private boolean closed;

    @Override
    public <T> Job runWithProgress(
            String name, Work<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailure) {
        Job job = new Job(() -> {});
        if (closed) {
            job.finished();
            return job;
        }
        T result;
        try {
            result = work.call(new Progress() {
                @Override
                public void update(long done, long total) {
                    job.progress.set(total <= 0 ? -1 : (double) done / total);
                }

                @Override
                public void message(String text) {
                    job.message.set(text);
                }

                @Override
                public boolean isCancelled() {
                    return closed;
                }
            });
        } catch (Exception e) {
            job.finished();
            failures.add(e);
            TaskFailures.log(name, e);
            onFailure.accept(e);
            return job;
        }
        job.finished();
        onDone.accept(result);
        return job;
    }

    /** Every failure so far, in order. */
    public List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() {
        closed = true;
    }
}
