package dev.pairstudio.ui.pairs;

import static dev.pairstudio.testing.HeadlessFx.fx;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.HeadlessFx;
import dev.pairstudio.testing.TestWindows;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Issue 8's figure: "visible rows filled within 100 ms after scrolling stops", in the real main
 * window over an existing database (1M pairs from {@code bench/run.sh --size 1m --dir DIR}).
 * Headless on Monocle:
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *     dev.pairstudio.ui.pairs.PairTableScrollBenchmark DIR/bench.mv.db [jumps]</pre>
 * For each sort, it jumps to random rows ({@code scrollTo}, as dragging the scroll bar's thumb
 * does) and, separately, drags: 15 small steps 30 ms apart, then stops. The time runs from the
 * last scroll to the first pulse at which every visible row of the table shows its pair.
 */
public final class PairTableScrollBenchmark {
    private PairTableScrollBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int jumps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        HeadlessFx.start();
        Path home = Files.createTempDirectory("scroll-bench");
        try (Database store = Databases.open(db.toString())) {
            long t = System.nanoTime();
            BackgroundJobs jobs = new BackgroundJobs();
            MainWindow window = fx(() -> TestWindows.show(
                    new Stage(),
                    new MainWindow(store, jobs, new UiSettings(home.resolve("ui.properties"))),
                    1400,
                    900));
            TableView<StoredPair> table = window.table();
            PagedPairList rows = (PagedPairList) table.getItems();
            waitUntil(() -> rows.size() > 0 && visibleFilled(table), 600);
            System.out.printf(
                    Locale.ROOT,
                    "window open, first rows drawn: %.2f s (%,d pairs)%n",
                    (System.nanoTime() - t) / 1e9,
                    rows.size());
            waitUntil(() -> !rows.loadingProperty().get(), 600);
            System.out.printf(Locale.ROOT, "page index ready: %.2f s%n", (System.nanoTime() - t) / 1e9);
            Thread.sleep(15_000); // let the word index and other opening work finish: this measures scrolling alone

            List<Double> all = new ArrayList<>();
            for (PairSort sort : List.of(
                    PairSort.NEWEST_FIRST,
                    new PairSort(SortColumn.QUESTION, false),
                    new PairSort(SortColumn.DATABASE_NAME, true))) {
                if (!sort.equals(rows.sort())) {
                    long s = System.nanoTime();
                    fx(() -> {
                        rows.reload(PairFilter.ALL, sort);
                        return null;
                    });
                    waitUntil(
                            () -> rows.sort().equals(sort)
                                    && !rows.loadingProperty().get()
                                    && visibleFilled(table),
                            600);
                    System.out.printf(
                            Locale.ROOT,
                            "sort %s: first rows and page index %.0f ms%n",
                            sort,
                            (System.nanoTime() - s) / 1e6);
                }
                Random random = new Random(7);
                List<Double> jump = new ArrayList<>();
                List<Double> cached = new ArrayList<>();
                int previous = 0;
                for (int i = 0; i < jumps; i++) {
                    int target = random.nextInt(rows.size());
                    jump.add(afterScroll(table, () -> table.scrollTo(target)));
                    int back = previous;
                    cached.add(afterScroll(table, () -> table.scrollTo(back))); // its pages are held: drawing alone
                    previous = target;
                }
                List<Double> drag = new ArrayList<>();
                for (int i = 0; i < Math.max(3, jumps / 5); i++) {
                    int from = random.nextInt(rows.size() - 20_000);
                    for (int step = 0; step < 14; step++) {
                        int to = from + step * 700;
                        fx(() -> {
                            table.scrollTo(to);
                            return null;
                        });
                        Thread.sleep(30);
                    }
                    int last = from + 14 * 700;
                    drag.add(afterScroll(table, () -> table.scrollTo(last)));
                }
                all.addAll(jump);
                all.addAll(drag);
                System.out.printf(
                        Locale.ROOT,
                        "sort %s: jumps (n=%d): %s | drags (n=%d): %s | back to held rows, drawing only (n=%d): %s%n",
                        sort,
                        jump.size(),
                        summary(jump),
                        drag.size(),
                        summary(drag),
                        cached.size(),
                        summary(cached));
            }
            System.out.printf(
                    Locale.ROOT,
                    "all scrolls (n=%d): %s; within 100 ms: %d of %d%n",
                    all.size(),
                    summary(all),
                    all.stream().filter(ms -> ms <= 100).count(),
                    all.size());
            fx(() -> {
                window.dispose();
                return null;
            });
            jobs.close();
        }
        System.exit(0);
    }

    /** Milliseconds from the scroll to the first pulse after which every visible row shows its pair. */
    private static double afterScroll(TableView<StoredPair> table, Runnable scroll) throws Exception {
        CompletableFuture<Double> filled = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            scroll.run();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (visibleFilled(table)) {
                        stop();
                        filled.complete((System.nanoTime() - start) / 1e6);
                    }
                }
            }.start();
        });
        return filled.get(60, TimeUnit.SECONDS);
    }

    /** Every row cell on screen has its pair (a missing row is drawn empty until its page arrives). */
    private static boolean visibleFilled(TableView<StoredPair> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null) {
            return false;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        for (int i = first; i <= last; i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell == null || cell.getItem() == null) {
                return false;
            }
        }
        return true;
    }

    private static String summary(List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "p50 %.0f ms · p90 %.0f ms · max %.0f ms",
                v[v.length / 2],
                v[(int) Math.min(v.length - 1, v.length * 0.9)],
                v[v.length - 1]);
    }

    private static void waitUntil(Supplier<Boolean> onFx, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(onFx::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
