package dev.pairstudio.ui.export;

import dev.pairstudio.ui.BackgroundJobs;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * One kind of background computation of which only the latest request matters (a count, a
 * preview): a new request cancels the one running, and a result that arrives after a newer
 * request was made is dropped. Results and errors are delivered on the FX thread.
 */
final class Latest<T> {
    /** Work that can look at its task: progress and cancel. */
    interface Work<T> {
        T call(Job<T> job) throws Exception;
    }

    /** A task whose work may report progress and check for cancel. */
    abstract static class Job<T> extends Task<T> {
        void progress(double done, double max) {
            updateProgress(done, max);
        }

        void message(String text) {
            updateMessage(text);
        }
    }

    private final BackgroundJobs jobs;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Task<T> current;
    private long sequence;

    Latest(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    /** Must be called on the FX thread. */
    Task<T> submit(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        cancel();
        long seq = ++sequence;
        Job<T> task = new Job<>() {
            @Override
            protected T call() throws Exception {
                return work.call(this);
            }
        };
        task.setOnSucceeded(e -> {
            if (seq == sequence) {
                running.set(false);
                if (task.getValue() != null) {
                    onDone.accept(task.getValue());
                }
            }
        });
        task.setOnFailed(e -> {
            if (seq == sequence) {
                running.set(false);
                onError.accept(task.getException());
            }
        });
        current = task;
        running.set(true);
        jobs.run(task);
        return task;
    }

    void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        sequence++;
        running.set(false);
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
