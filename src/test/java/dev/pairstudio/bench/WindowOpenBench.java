package dev.pairstudio.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.HeadlessFx;
import dev.pairstudio.testing.TestWindows;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * Issue 24's window row, end to end: run in a fresh JVM ({@code bench/run.sh e2e} does), it opens
 * the database and the main window as the app does (headless) and prints the time from the JVM's
 * start until the pair table draws its first row, and whether the empty-database state ("Load demo
 * data") was ever visible meanwhile (sampled every 10 ms).
 *
 * <p>With {@code -Dbench.settle=S} it then leaves the window open S seconds more (its background
 * work after the first page: word index, filter choices, statistics), and prints the heap: the most
 * in use meanwhile (garbage included, sampled) and what is in use after a full collection at the
 * end — issue 24's window heap, next to {@code -Xmx}.
 *
 * <p>{@code WindowOpenBench DB}
 */
public final class WindowOpenBench {
    private WindowOpenBench() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // as the app does (app/StoreOpening): the database opens on its own thread while JavaFX starts
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Databases.open(args[0]));
        HeadlessFx.start();
        double fxStarted = since(jvmStart);
        double cpuFx = processCpu();
        Database store = opening.join();
        double opened = since(jvmStart);
        double cpuOpened = processCpu();
        Path settings = Files.createTempDirectory("window-bench").resolve("ui.properties");
        MainWindow window = HeadlessFx.fx(() -> TestWindows.show(
                new Stage(), new MainWindow(store, new BackgroundJobs(), new UiSettings(settings)), 1400, 900));
        double shownAt = since(jvmStart);
        double cpuShown = processCpu();
        boolean emptyShown = false;
        boolean loadingShown = false;
        while (!HeadlessFx.fx(() -> !window.table().getItems().isEmpty()
                && window.table().getItems().get(0) != null)) {
            if (!emptyShown && HeadlessFx.fx(() -> shown(window, "#load-demo"))) {
                emptyShown = true;
                System.out.printf(
                        "empty-database state visible at %.2f s: %s rows, status \"%s\"%n",
                        since(jvmStart),
                        HeadlessFx.fx(() -> window.table().getItems().size()),
                        HeadlessFx.fx(window::statusMessage));
            }
            loadingShown |= HeadlessFx.fx(() -> shown(window, "#table-loading"));
            Thread.sleep(10);
        }
        double seconds = since(jvmStart);
        double cpuAtRows = processCpu();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "window rows visible %.2f s after JVM start (JavaFX up %.2f s, database open %.2f s, window shown %.2f s; %,d rows; "
                        + "loading state seen: %s; empty-database state seen: %s; heap used %,d MB)%n",
                seconds,
                fxStarted,
                opened,
                shownAt,
                HeadlessFx.fx(() -> window.table().getItems().size()),
                loadingShown,
                emptyShown,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        // CPU seconds (all threads) at each step: the part of the wall time that a loaded machine does not inflate
        System.out.printf(
                "CPU used: %.2f s by JavaFX up, %.2f s by database open, %.2f s by window shown, %.2f s by rows visible;"
                        + " the FX thread %.2f s%n",
                cpuFx, cpuOpened, cpuShown, cpuAtRows, HeadlessFx.fx(WindowOpenBench::threadCpu));
        if (Boolean.getBoolean("bench.threads")) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null && mx.getThreadCpuTime(t.getThreadId()) > 50_000_000) {
                    System.out.printf(
                            "  %-40s %.2f s CPU%n", t.getThreadName(), mx.getThreadCpuTime(t.getThreadId()) / 1e9);
                }
            }
        }
        long settle = Long.getLong("bench.settle", 0);
        if (settle > 0) {
            java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long peak = 0;
            for (long end = System.nanoTime() + settle * 1_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            }
            System.gc();
            System.out.printf(
                    "heap after %d s open: %,d MB in use after a full GC, at most %,d MB in use meanwhile (garbage included), "
                            + "-Xmx %,d MB; CPU used %.2f s%n",
                    settle,
                    memory.getHeapMemoryUsage().getUsed() >> 20,
                    peak >> 20,
                    rt.maxMemory() >> 20,
                    processCpu());
        }
        HeadlessFx.fx(() -> {
            window.dispose();
            return null;
        });
        store.close();
        System.exit(emptyShown ? 1 : 0);
    }

    private static double processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    private static double since(long jvmStart) {
        return (System.currentTimeMillis() - jvmStart) / 1000.0;
    }

    private static boolean shown(MainWindow window, String id) {
        Node node = window.root().lookup(id);
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null && node.getScene() != null;
    }
}
