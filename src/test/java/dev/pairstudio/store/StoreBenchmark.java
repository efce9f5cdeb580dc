package dev.pairstudio.store;

import dev.pairstudio.io.PairEnricher;
import dev.pairstudio.io.PairImporter;
import dev.pairstudio.io.ImportSummary;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Timestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The issue-4 figures on 1,000,000 synthetic pairs. Not a test (surefire ignores it): run
 * {@code java -Xmx256m -cp target/classes:target/test-classes:$(cat /tmp/cp-store.txt) dev.pairstudio.store.StoreBenchmark [DIR] [N]}.
 * Each query is timed on its first run with parameters not used before, because H2 caches
 * identical repeated queries.
 */
public final class StoreBenchmark {
    private static final String[] DB_TYPES = {"postgresql", "mysql", "sqlite", "sqlserver", "oracle"};
    private static final String[] TABLES = {"customers", "orders", "order_items", "products", "invoices", "payments",
        "employees", "departments", "shipments", "suppliers", "inventory", "reviews", "sessions", "events", "accounts"};
    private static final String[] COLUMNS = {"id", "name", "email", "created_at", "total", "status", "price", "quantity", "country", "city"};
    private static final String[] VERBS = {"Show", "List", "How many", "Find", "Count", "What is the total of", "Which", "Give me"};

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/pairstudio-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        Path jsonl = dir.resolve("pairs-" + n + ".jsonl");
        if (!Files.exists(jsonl)) {
            long t = System.nanoTime();
            generate(jsonl, n);
            System.out.printf("generated %,d pairs in %.1f s%n", n, secs(t));
        }
        Path dbFile = dir.resolve("bench.mv.db");
        Files.deleteIfExists(dbFile);
        Files.deleteIfExists(dir.resolve("bench.trace.db"));

        HeapWatch heap = new HeapWatch();
        heap.start();
        long t0 = System.nanoTime();
        ImportSummary s;
        try (PairStore store = PairStores.open(dbFile.toString())) {
            s = new PairImporter(store, PairEnricher.NONE).importFiles(List.of(jsonl), null, dir, null, null);
        }
        double importSecs = secs(t0);
        heap.stopWatch();
        System.out.printf("import: %,d added in %.1f s = %,.0f pairs/s (incl. close); peak heap used %,d MB (max %d MB)%n",
                s.added(), importSecs, s.added() / importSecs, heap.peak / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.printf("file: db %,d MB vs JSONL %,d MB = %.2fx%n", Files.size(dbFile) >> 20, Files.size(jsonl) >> 20,
                (double) Files.size(dbFile) / Files.size(jsonl));

        try (PairStore store = PairStores.open(dbFile.toString())) {
            time("first open query (count all)", () -> store.count(PairFilter.ALL));
            Instant base = Instant.parse("2023-01-01T00:00:00Z");
            for (int i = 0; i < 4; i++) {
                Instant from = base.plus(30L * i + 7, ChronoUnit.DAYS);
                Instant to = from.plus(90 + 20L * i, ChronoUnit.DAYS);
                PairFilter f = PairFilter.ALL.withDates(from, to).withSuccess(i % 2 == 0).withDatabaseTypes(Set.of(DB_TYPES[i]));
                time("count date range + success + type #" + i, () -> store.count(f));
            }
            for (SortColumn c : SortColumn.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    PairSort sort = new PairSort(c, desc);
                    time("first page 100 by " + c + (desc ? " desc" : ""), () -> store.query(PairFilter.ALL, sort, null, 100).rows().size());
                }
            }
            for (SortColumn c : new SortColumn[] {SortColumn.ID, SortColumn.TIMESTAMP, SortColumn.SUCCESS, SortColumn.QUESTION}) {
                PairSort sort = new PairSort(c, false);
                List<String> starts = time("pageStarts(100) by " + c, () -> store.pageStarts(PairFilter.ALL, sort, 100));
                time("page 1 by " + c, () -> store.query(PairFilter.ALL, sort, starts.get(0), 100).rows().size());
                time("page 5000 by " + c, () -> store.query(PairFilter.ALL, sort, starts.get(4999), 100).rows().size());
                time("page 9000 by " + c, () -> store.query(PairFilter.ALL, sort, starts.get(8999), 100).rows().size());
            }
            for (String word : new String[] {"invoices", "quantity", "shipments"}) {
                PairFilter f = PairFilter.ALL.withText(word, false);
                time("search '" + word + "' first page", () -> store.query(f, PairSort.INSERTION, null, 100).rows().size());
            }
            for (String word : new String[] {"payments", "country", "suppliers"}) {
                PairFilter f = PairFilter.ALL.withText(word, false);
                time("search '" + word + "' count", () -> store.count(f));
            }
            PairFilter doomed = PairFilter.ALL.withDatabaseTypes(Set.of("mysql")).withDates(base, base.plus(365, ChronoUnit.DAYS));
            long matching = time("count delete candidates", () -> store.count(doomed));
            TrashBatch batch = time("delete by filter (" + matching + " pairs)", () -> store.trash(doomed));
            time("restore batch (" + batch.count() + " pairs)", () -> store.restore(batch.id()));
            time("count after restore", () -> store.count(PairFilter.ALL));
        }
    }

    private static <T> T time(String what, Supplier<T> action) {
        long t = System.nanoTime();
        T result = action.get();
        double ms = (System.nanoTime() - t) / 1e6;
        String shown = result instanceof List<?> l ? l.size() + " items" : String.valueOf(result);
        System.out.printf("%-45s %9.1f ms   (%s)%n", what, ms, shown.length() > 60 ? shown.substring(0, 60) : shown);
        return result;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Pairs that look like an assistant's log: templated questions, matching SQL, two years of timestamps. */
    static void generate(Path file, int n) throws IOException {
        Random r = new Random(42);
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        long span = 730L * 24 * 3600 * 1_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String t1 = TABLES[r.nextInt(TABLES.length)];
                String t2 = TABLES[r.nextInt(TABLES.length)];
                String col = COLUMNS[r.nextInt(COLUMNS.length)];
                int k = r.nextInt(1000);
                String question;
                String sql;
                List<String> tables = new ArrayList<>(List.of(t1));
                switch (r.nextInt(4)) {
                    case 0 -> {
                        question = VERBS[r.nextInt(VERBS.length)] + " " + t1 + " where " + col + " is above " + k;
                        sql = "SELECT * FROM " + t1 + " WHERE " + col + " > " + k;
                    }
                    case 1 -> {
                        question = VERBS[r.nextInt(VERBS.length)] + " " + t1 + " joined with " + t2 + " by " + col;
                        sql = "SELECT a." + col + ", COUNT(*) FROM " + t1 + " a JOIN " + t2 + " b ON b.id = a.id GROUP BY a." + col;
                        if (!t2.equals(t1)) {
                            tables.add(t2);
                        }
                    }
                    case 2 -> {
                        question = "Update the " + col + " of " + t1 + " number " + k;
                        sql = "UPDATE " + t1 + " SET " + col + " = 'user" + k + "@example.com' WHERE id = " + k;
                    }
                    default -> {
                        question = "Average " + col + " in " + t1 + " for the last " + (k % 30 + 1) + " days";
                        sql = "SELECT AVG(" + col + ") FROM " + t1 + " WHERE created_at > now() - interval '" + (k % 30 + 1) + " days'";
                    }
                }
                Instant ts = start.plus((long) (r.nextDouble() * span), ChronoUnit.MICROS);
                boolean ok = r.nextInt(10) != 0;
                w.write("{\"pair_id\": \"" + new java.util.UUID(r.nextLong(), r.nextLong()) + "\", \"natural_language_query\": \"" + question
                        + "\", \"sql_query\": \"" + sql + "\", \"timestamp\": \"" + Timestamps.format(ts) + "\", \"database_type\": \""
                        + DB_TYPES[r.nextInt(DB_TYPES.length)] + "\", \"database_name\": \"db" + r.nextInt(20)
                        + "\", \"table_names\": [\"" + String.join("\", \"", tables) + "\"], \"success\": " + ok
                        + ", \"execution_time_ms\": " + (ok ? String.valueOf(r.nextInt(2000)) : "null") + ", \"metadata\": {}}\n");
            }
        }
    }

    /** Samples used heap every 50 ms (after the JVM's own GC) to show that import memory stays flat. */
    private static final class HeapWatch extends Thread {
        volatile boolean running = true;
        volatile long peak;

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopWatch() {
            running = false;
        }
    }
}
