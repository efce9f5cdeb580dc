package dev.pairstudio.schema;

import static dev.pairstudio.testing.HeadlessFx.fx;

import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.PendingAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.testing.HeadlessFx;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 15's figure "1M pairs validated in the background without blocking the UI": the real
 * main window (headless on Monocle) opens a database whose pairs were all checked against an
 * older schema version and checks them against a new one, as it does on open, while this class
 * measures the FX thread: a {@code Platform.runLater} ping every 16 ms (how late each one runs)
 * and an {@link AnimationTimer} (the gap between frames).
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *     dev.pairstudio.schema.BackgroundValidationBenchmark DIR/validation.mv.db [pairs]</pre>
 * A missing file is made first (pairs of ValidationBenchmark's typical shapes against its
 * 50-table schema, 10 % with a wrong table name, analysed and grouped) and kept for later runs;
 * {@code pairs} (default 1,000,000) only matters then. Every run stores a new version of the
 * 50-table schema, so every pair is pending again. {@code -Dbench.stallStacks=200} prints the FX
 * thread's stack whenever it has not answered a ping for 200 ms (what the stall was).
 */
public final class BackgroundValidationBenchmark {
    private static final long PING_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    private BackgroundValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("net.sf.jsqlparser").setLevel(Level.WARNING);
        Path db = Path.of(args.length > 0 ? args[0] : "validation-bench/validation.mv.db");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (!Files.exists(db)) {
            create(db, n);
        }
        HeadlessFx.start();
        Path home = Files.createTempDirectory("background-validation-bench");
        try (Database store = Databases.open(db.toString())) {
            long pairs = store.count(PairFilter.ALL);
            long firstId = edgeId(store, false);
            long lastId = edgeId(store, true);
            StoredSchema version = store.saveSchema(
                    "bench", "background validation benchmark", SchemaJson.write(ValidationBenchmark.schema()));
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d pairs, schema bench version %d (50 tables): every pair is pending; %d cores, heap %d MB%n",
                    db,
                    pairs,
                    version.version(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);

            FxProbe probe = new FxProbe();
            BackgroundJobs jobs = new BackgroundJobs();
            long open = System.nanoTime();
            MainWindow window = fx(() -> {
                MainWindow w = new MainWindow(store, jobs, new UiSettings(home.resolve("ui.properties")));
                Scene scene = new Scene(w.root(), 1400, 900);
                w.install(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                probe.start();
                w.load(); // the catch-up job: analysis left to do, duplicate groups, then the pending validation
                return w;
            });
            long validationStart = waitFor(() -> checkedWith(store, firstId, version), 3_600);
            int pingsBefore = probe.pingCount();
            int framesBefore = probe.frameCount();
            long validationEnd = waitFor(() -> checkedWith(store, lastId, version), 3_600);
            waitFor(() -> fx(window::statusMessage).contains("against their schema"), 600);
            long done = System.nanoTime();
            probe.stop();

            double seconds = (validationEnd - validationStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "window open to all checked: %.1f s (before the first check: %.1f s of opening, "
                            + "duplicate grouping and the first page)%n",
                    (done - open) / 1e9,
                    (validationStart - open) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "validation: %,d pairs in %.1f s, %,.0f pairs/s (first to last pair checked, results stored)%n",
                    pairs,
                    seconds,
                    pairs / seconds);
            System.out.printf(
                    Locale.ROOT,
                    "FX thread while validating: runLater ping every 16 ms, delay %s; frame gaps %s%n",
                    probe.pingSummary(pingsBefore),
                    probe.frameSummary(framesBefore));
            System.out.printf(
                    Locale.ROOT,
                    "FX thread from building the window to done (also its first CSS, layout and drawing, cold): ping delay %s; frame gaps %s%n",
                    probe.pingSummary(0),
                    probe.frameSummary(0));
            System.out.printf(
                    Locale.ROOT,
                    "flagged UNKNOWN_TABLE: %,d (about 10 %% have a wrong table name); status bar: %s%n",
                    store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_TABLE))),
                    fx(window::statusMessage));
            fx(() -> {
                window.dispose();
                return null;
            });
            jobs.close();
        }
        System.exit(0);
    }

    /** A database of {@code n} pairs of database "bench", analysed and grouped as an import leaves them, with no schema yet. */
    private static void create(Path db, int n) throws Exception {
        Files.createDirectories(db.toAbsolutePath().getParent());
        long t = System.nanoTime();
        try (Database store = Databases.open(db.toString());
                SqlAnalyzer analyzer = new SqlAnalyzer()) {
            Random random = new Random(7);
            for (int from = 0; from < n; from += 10_000) {
                store.addAll(
                        ValidationBenchmark.pairs(from, Math.min(10_000, n - from), "postgresql", random),
                        null,
                        Source.FILE,
                        "bench");
            }
            int threads = Runtime.getRuntime().availableProcessors();
            PendingAnalysis.run(
                    store,
                    new AnalyzingEnricher(analyzer, PrivacySettings.anonymizer(store)),
                    threads,
                    x -> {},
                    () -> false);
            new DuplicateTracker(store).catchUp();
            System.out.printf(
                    Locale.ROOT,
                    "made %s: %,d pairs stored, analysed and grouped in %.0f s%n",
                    db,
                    n,
                    (System.nanoTime() - t) / 1e9);
        }
    }

    private static long edgeId(Database store, boolean last) {
        return store.query(PairFilter.ALL, new PairSort(SortColumn.ID, last), null, 1)
                .rows()
                .get(0)
                .id();
    }

    private static boolean checkedWith(Database store, long pairId, StoredSchema version) {
        return store.validation(pairId).map(v -> v.schemaId() == version.id()).orElse(false);
    }

    /** Polls every 100 ms; returns the nanoTime at which {@code reached} first held. */
    private static long waitFor(Callable<Boolean> reached, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!reached.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + seconds + " s");
            }
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    /** What the FX thread does meanwhile: how late a runLater every 16 ms runs, and the gaps between frames. */
    private static final class FxProbe {
        private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-ping");
            t.setDaemon(true);
            return t;
        });
        private long[] pingDelays = new long[1 << 16];
        private int pings;
        private long[] frameGaps = new long[1 << 16];
        private int frames;
        private long lastFrame;
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (lastFrame != 0) {
                    frameGaps = add(frameGaps, frames++, t - lastFrame);
                }
                lastFrame = t;
            }
        };

        /** The FX thread's stack, printed when a ping waits longer than -Dbench.stallStacks=MS (off by default). */
        private final long stackAfterNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.stallStacks", 0));

        private volatile Thread fxThread;
        private volatile long oldestUnanswered;

        /** On the FX thread. */
        void start() {
            fxThread = Thread.currentThread();
            timer.start();
            pinger.scheduleAtFixedRate(
                    () -> {
                        long sent = System.nanoTime();
                        if (oldestUnanswered == 0) {
                            oldestUnanswered = sent;
                        } else if (stackAfterNanos > 0 && sent - oldestUnanswered > stackAfterNanos) {
                            printStack(sent - oldestUnanswered);
                        }
                        Platform.runLater(() -> {
                            oldestUnanswered = 0;
                            pingDelays = add(pingDelays, pings++, System.nanoTime() - sent);
                        });
                    },
                    PING_NANOS,
                    PING_NANOS,
                    TimeUnit.NANOSECONDS);
        }

        private void printStack(long waited) {
            StringBuilder b =
                    new StringBuilder(String.format(Locale.ROOT, "FX thread busy for %.0f ms:%n", waited / 1e6));
            StackTraceElement[] stack = fxThread.getStackTrace();
            for (int i = 0; i < Math.min(25, stack.length); i++) {
                b.append("    at ").append(stack[i]).append('\n');
            }
            System.out.print(b);
        }

        void stop() throws Exception {
            pinger.shutdownNow();
            fx(() -> {
                timer.stop();
                return null;
            });
        }

        int pingCount() throws Exception {
            return fx(() -> pings);
        }

        int frameCount() throws Exception {
            return fx(() -> frames);
        }

        String pingSummary(int from) throws Exception {
            return fx(() -> summary(pingDelays, from, pings));
        }

        String frameSummary(int from) throws Exception {
            return fx(() -> summary(frameGaps, from, frames));
        }

        private static long[] add(long[] values, int at, long value) {
            long[] out = at < values.length ? values : Arrays.copyOf(values, values.length * 2);
            out[at] = value;
            return out;
        }

        private static String summary(long[] values, int from, int to) {
            if (to - from < 1) {
                return "no samples";
            }
            long[] v = Arrays.copyOfRange(values, from, to);
            Arrays.sort(v);
            return String.format(
                    Locale.ROOT,
                    "n=%,d · p50 %.1f ms · p99 %.1f ms · max %.1f ms (longest stall)",
                    v.length,
                    v[v.length / 2] / 1e6,
                    v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.99) - 1)] / 1e6,
                    v[v.length - 1] / 1e6);
        }
    }
}
