package dev.pairstudio.ui.stats;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.HeadlessFx;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.Theme;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.task.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 9's figure: the time from a filter change to the dashboard's charts drawn, on an
 * analysed database (not a test). Runs headless on Monocle:
 * <pre>mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp-dash.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat /tmp/cp-dash.txt) dev.pairstudio.ui.stats.StatisticsViewBenchmark [pairs] [db-folder]</pre>
 * Each step changes the shared FilterViewModel as a user would and waits for the view's
 * {@link DashboardTimer.Timing}: total (change → charts laid out after the next pulse, including
 * the 200 ms debounce), the store's {@code Statistics.compute}, the dashboard's extra passes,
 * and the FX-thread work (building the charts, CSS, layout).
 */
public final class StatisticsViewBenchmark {
    private StatisticsViewBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir =
                args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("dash-bench");
        Path db = dir.resolve("bench");
        try (Database store = Databases.open(db.toString())) {
            long have = store.count(PairFilter.ALL);
            if (have < n) {
                long t = System.nanoTime();
                fill(store, n - (int) have);
                System.out.printf(Locale.ROOT, "filled %,d pairs in %.1f s%n", n - have, (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            store.prepare(); // as the main window does in the background when it opens a database
            System.out.printf(Locale.ROOT, "prepare (column and word index) %.1f s%n", (System.nanoTime() - t) / 1e9);
            run(store);
        }
        System.exit(0);
    }

    private static void run(Database store) throws Exception {
        HeadlessFx.start();
        FilterViewModel filters = new FilterViewModel();
        BackgroundJobs jobs = new BackgroundJobs();
        BlockingQueue<DashboardTimer.Timing> timings = new ArrayBlockingQueue<>(16);
        StatisticsView[] view = new StatisticsView[1];
        DashboardTimer timer = new DashboardTimer(new FxTaskRunner(jobs));
        fx(() -> {
            view[0] = new StatisticsView(store, filters, timer);
            Stage stage = new Stage();
            stage.setScene(new Scene(view[0], 1400, 1000));
            timer.watch(view[0], stage.getScene(), timings::add);
            Theme.apply(view[0], false);
            stage.show();
            timer.changing();
            view[0].setActive(true);
        });
        DashboardTimer.Timing[] first = next(timings);
        System.out.printf(
                Locale.ROOT,
                "first load (no debounce, cold): charts %s%n                                complete %s%n",
                first[0],
                first[1]);

        LocalDate someDay = LocalDate.of(2025, 6, 1);
        Map<String, Consumer<FilterViewModel>> steps = new LinkedHashMap<>();
        steps.put("failed only", f -> f.outcome.set(FilterViewModel.Outcome.FAILED));
        steps.put("all again", f -> f.outcome.set(FilterViewModel.Outcome.ANY));
        steps.put("drill: type SELECT", f -> view[0].drillDown().narrow(Dimension.QUERY_TYPE, "SELECT", "SELECT"));
        steps.put(
                "drill: status UNREVIEWED",
                f -> view[0].drillDown().narrow(Dimension.REVIEW_STATUS, "UNREVIEWED", "Unreviewed"));
        steps.put("drill: table orders", f -> view[0].drillDown().narrow(Dimension.TABLE, "orders", "orders"));
        steps.put("undo all drill-downs", f -> view[0].drillDown().undoFrom(0));
        steps.put(
                "one month",
                f -> f.batch(() -> {
                    f.from.set(someDay);
                    f.to.set(someDay.plusDays(29));
                }));
        steps.put("+ db type mysql", f -> f.databaseTypes.add("mysql"));
        steps.put("text 'city' (exact path)", f -> f.text.set("city"));
        steps.put("clear", FilterViewModel::clear);

        System.out.printf(
                Locale.ROOT,
                "%-34s %9s %12s %8s %8s %10s %8s %10s%n",
                "step (ms; charts = after debounce)",
                "charts",
                "statistics",
                "FX",
                "FX cpu",
                "complete",
                "extras",
                "pairs");
        List<long[]> all = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, Consumer<FilterViewModel>> s : steps.entrySet()) {
                fx(() -> {
                    timer.changing();
                    s.getValue().accept(filters);
                });
                DashboardTimer.Timing[] t = next(timings);
                long[] pairs = new long[1];
                fx(() -> pairs[0] = view[0].dataProperty().get().stats().totalPairs());
                long charts = t[0].totalMillis() - 200;
                long complete = t[1].totalMillis() - 200;
                System.out.printf(
                        Locale.ROOT,
                        "%-34s %9d %12d %8d %8d %10d %8d %,10d%n",
                        (round == 0 ? "" : "(again) ") + s.getKey(),
                        charts,
                        t[0].statisticsMillis(),
                        t[0].applyMillis(),
                        t[0].fxCpuMillis(),
                        complete,
                        t[1].extrasMillis(),
                        pairs[0]);
                if (round == 0) {
                    all.add(new long[] {
                        charts,
                        t[0].statisticsMillis(),
                        t[0].applyMillis(),
                        complete,
                        t[1].extrasMillis(),
                        t[1].applyMillis(),
                        t[0].fxCpuMillis()
                    });
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "median of the first round: charts drawn %d ms after the debounce (statistics %d ms, FX %d ms, FX cpu %d ms); "
                        + "complete %d ms (extras %d ms, FX %d ms)%n",
                median(all, 0),
                median(all, 1),
                median(all, 2),
                median(all, 6),
                median(all, 3),
                median(all, 4),
                median(all, 5));
        jobs.close();
    }

    /** The first drawing (the statistics) and the complete one (with the extras) of one change. */
    private static DashboardTimer.Timing[] next(BlockingQueue<DashboardTimer.Timing> timings)
            throws InterruptedException {
        DashboardTimer.Timing first = timings.poll(300, TimeUnit.SECONDS);
        if (first == null) {
            throw new IllegalStateException("no result within 300 s");
        }
        DashboardTimer.Timing last = first;
        while (!last.complete()) {
            last = timings.poll(300, TimeUnit.SECONDS);
            if (last == null) {
                throw new IllegalStateException("no complete result within 300 s");
            }
        }
        return new DashboardTimer.Timing[] {first, last};
    }

    private static long median(List<long[]> rows, int col) {
        long[] v = rows.stream().mapToLong(r -> r[col]).sorted().toArray();
        return v[v.length / 2];
    }

    private static void fx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] error = new Throwable[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                error[0] = t;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error[0] != null) {
            throw new IllegalStateException(error[0]);
        }
    }

    private static void fill(Database store, int n) {
        SyntheticPairs gen = new SyntheticPairs(7);
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            List<Pair> batch = new ArrayList<>(10_000);
            List<PairAnalysis> analyses = new ArrayList<>(10_000);
            for (int i = 0; i < n; i++) {
                PairEnricher.Enriched e = enricher.enrich(gen.next());
                batch.add(e.pair());
                analyses.add(e.analysis());
                if (batch.size() == 10_000 || i == n - 1) {
                    store.addAll(batch, analyses, Source.FILE, "bench");
                    batch.clear();
                    analyses.clear();
                }
            }
        }
        new DuplicateTracker(store).catchUp();
    }
}
