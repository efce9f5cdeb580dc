package dev.pairstudio.ui.stats;

import dev.pairstudio.ui.task.Job;
import dev.pairstudio.ui.task.TaskRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import javafx.scene.Scene;

/**
 * The dashboard benchmark's clock, kept in test sources (issue 26: no benchmark hooks in the
 * product). It is the {@link TaskRunner} the view gets, so it sees when a result reaches the FX
 * thread; the view's data property says when the charts were built, and the next layout pulse
 * when they were drawn.
 */
final class DashboardTimer implements TaskRunner {
    /**
     * Time from a filter change to the charts drawn, and its parts (milliseconds): {@code applyMillis}
     * is the FX thread's wall time from receiving the result to the end of the next layout pass,
     * {@code fxCpuMillis} the FX thread's CPU time in that span (robust on a busy machine).
     */
    record Timing(
            long totalMillis,
            long statisticsMillis,
            long extrasMillis,
            long applyMillis,
            long fxCpuMillis,
            boolean complete) {}

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final TaskRunner runner;
    private long requested = System.nanoTime();
    private long delivered;
    private long deliveredCpu;

    DashboardTimer(TaskRunner runner) {
        this.runner = runner;
    }

    /** Call on the FX thread right before the change that is timed. */
    void changing() {
        requested = System.nanoTime();
    }

    /** Reports a {@link Timing} for every result {@code view} draws. FX thread. */
    void watch(StatisticsView view, Scene scene, Consumer<Timing> timings) {
        view.dataProperty().addListener((o, was, d) -> {
            long from = requested;
            long t0 = delivered;
            long cpu0 = deliveredCpu;
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long drawn = System.nanoTime();
                timings.accept(new Timing(
                        (drawn - from) / 1_000_000,
                        d.statisticsMillis(),
                        d.extrasMillis(),
                        (drawn - t0) / 1_000_000,
                        (CPU.getCurrentThreadCpuTime() - cpu0) / 1_000_000,
                        d.complete()));
            };
            scene.addPostLayoutPulseListener(once[0]);
        });
    }

    @Override
    public <T> Job runWithProgress(
            String name, Work<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailure) {
        return runner.runWithProgress(
                name,
                work,
                result -> {
                    delivered = System.nanoTime();
                    deliveredCpu = CPU.getCurrentThreadCpuTime();
                    onDone.accept(result);
                },
                onFailure);
    }

    @Override
    public void setFailureHandler(Consumer<? super Throwable> handler) {
        runner.setFailureHandler(handler);
    }

    @Override
    public void failed(Throwable error) {
        runner.failed(error);
    }

    @Override
    public void close() {
        runner.close();
    }
}
