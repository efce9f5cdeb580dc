package dev.pairstudio.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way UI code leaves the FX thread (after JabRef's {@code TaskExecutor}): work runs in the
 * background, its result or failure comes back on the FX thread, and every failure is logged
 * ({@link TaskFailures}). A window owns one runner and closes it on dispose, which cancels what is
 * queued or running and refuses new work. {@link FxTaskRunner} is the application's; tests of
 * view-models use a runner that calls everything on the caller's thread.
 */
public interface TaskRunner extends AutoCloseable {
    /** Work that may report progress and should stop soon after {@link Progress#isCancelled()}. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What running work may tell its job, and ask it. Any thread. */
    interface Progress {
        void update(long done, long total);

        void message(String text);

        boolean isCancelled();
    }

    /**
     * Runs {@code work} in the background; {@code onDone} gets its result, {@code onFailure} its
     * exception (after it was logged), both on the FX thread, and neither after a cancel.
     *
     * @param name what the work does, for the log ("count matching pairs"): never pair text
     */
    <T> Job runWithProgress(
            String name, Work<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailure);

    default <T> Job run(
            String name, Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailure) {
        return runWithProgress(name, progress -> work.call(), onDone, onFailure);
    }

    /** As {@link #run(String, Callable, Consumer, Consumer)}, a failure going to the runner's {@link #setFailureHandler handler}. */
    default <T> Job run(String name, Callable<T> work, Consumer<? super T> onDone) {
        return run(name, work, onDone, this::failed);
    }

    /** Where failures without their own handler go (the status bar); they are logged in any case. */
    void setFailureHandler(Consumer<? super Throwable> handler);

    /** Hands {@code error} to the failure handler. FX thread. */
    void failed(Throwable error);

    /** The failure handler both runners keep. */
    abstract class WithFailureHandler implements TaskRunner {
        private Consumer<? super Throwable> failureHandler = e -> {};

        @Override
        public void setFailureHandler(Consumer<? super Throwable> handler) {
            failureHandler = handler;
        }

        @Override
        public void failed(Throwable error) {
            failureHandler.accept(error);
        }
    }

    /** Cancels every job of this runner and runs no new ones. */
    @Override
    void close();
}
