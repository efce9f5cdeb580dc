package dev.pairstudio.schema;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 15's figure: validation pairs/s per core on typical text-to-SQL SQL against a 50-table
 * schema (names, consistency, and for PostgreSQL pairs EXPLAIN in H2). Not a test (surefire
 * ignores it); run with {@code java -cp … dev.pairstudio.schema.ValidationBenchmark [pairs]}.
 */
public final class ValidationBenchmark {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int TABLES = 50;
    private static final int COLUMNS = 8;

    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("net.sf.jsqlparser").setLevel(Level.WARNING);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        LoadedSchema schema = LoadedSchema.of(1, schema());
        System.out.printf(
                "schema: %d tables, %d columns%n",
                schema.schema().tables().size(), schema.schema().columnCount());
        for (String type : new String[] {"sqlite", "postgresql"}) {
            List<Pair> pairs = pairs(n, type, new Random(42));
            try (SqlAnalyzer analyzer = new SqlAnalyzer();
                    PairValidator validator = new PairValidator(analyzer, true, 2_000)) {
                run("warm-up " + type, validator, schema, pairs.subList(0, Math.min(10_000, n)), 1);
                run(
                        type
                                + (type.equals("sqlite")
                                        ? " (no EXPLAIN: H2 has no SQLite mode)"
                                        : " (with EXPLAIN in H2)")
                                + ", 1 thread",
                        validator,
                        schema,
                        pairs,
                        1);
                run(type + ", 2 threads", validator, schema, pairs, 2);
            }
        }
        endToEnd(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
    }

    /** ValidationRun over a stored database: reading pages, validating on 2 threads, storing results through the write path. */
    private static void endToEnd(int n) throws Exception {
        Path dir = Files.createTempDirectory("validation-bench");
        try (Database store = Databases.open(dir.resolve("bench").toString());
                SqlAnalyzer analyzer = new SqlAnalyzer()) {
            List<Pair> pairs = pairs(n, "postgresql", new Random(7));
            for (int from = 0; from < n; from += 10_000) {
                store.addAll(pairs.subList(from, Math.min(n, from + 10_000)), null, Source.FILE, "bench");
            }
            store.saveSchema("bench", "benchmark", SchemaJson.write(schema()));
            long t0 = System.nanoTime();
            ValidationSummary s = ValidationRun.run(store, analyzer, PairFilter.ALL, 2, x -> {}, () -> false);
            double sec = (System.nanoTime() - t0) / 1e9;
            long c0 = System.nanoTime();
            long flagged = store.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.UNKNOWN_TABLE)));
            System.out.printf(
                    "  end to end, %,d stored pairs, 2 threads, results stored: %.1f s, %,.0f pairs/s wall; "
                            + "UNKNOWN_TABLE filter count %,d in %.0f ms%n",
                    s.validated(), sec, s.validated() / sec, flagged, (System.nanoTime() - c0) / 1e6);
        }
    }

    static DatabaseSchema schema() {
        List<SchemaTable> tables = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            List<SchemaColumn> cols = new ArrayList<>();
            cols.add(new SchemaColumn("id", "INTEGER"));
            cols.add(new SchemaColumn("name", "TEXT"));
            cols.add(new SchemaColumn("parent_id", "INTEGER"));
            for (int c = 3; c < COLUMNS; c++) {
                cols.add(new SchemaColumn("t" + t + "_c" + c, c % 2 == 0 ? "REAL" : "TEXT"));
            }
            tables.add(new SchemaTable(
                    "table_" + t,
                    cols,
                    List.of("id"),
                    List.of(new ForeignKey("parent_id", "table_" + ((t + 1) % TABLES), "id"))));
        }
        return new DatabaseSchema("bench", "postgresql", tables);
    }

    /** Spider-like shapes: simple, filtered, aggregate, join, nested, set operation, CTE, 10 % with a wrong name. */
    static List<Pair> pairs(int n, String type, Random r) {
        return pairs(0, n, type, r);
    }

    /** Pairs {@code first} to {@code first + n - 1} (pair ids b{first}…), so that a large set can be made in batches. */
    static List<Pair> pairs(int first, int n, String type, Random r) {
        List<Pair> out = new ArrayList<>(n);
        for (int i = first; i < first + n; i++) {
            int a = r.nextInt(TABLES);
            int b = (a + 1) % TABLES;
            String ta = "table_" + a;
            String tb = "table_" + b;
            String ca = "t" + a + "_c" + (3 + r.nextInt(COLUMNS - 3));
            String cb = "t" + b + "_c" + (3 + r.nextInt(COLUMNS - 3));
            int value = 1900 + r.nextInt(200);
            String word = "w" + Integer.toString(r.nextInt(1_000_000), 36);
            String sql;
            String question;
            switch (i % 7) {
                case 0 -> {
                    sql = "SELECT name FROM " + ta + " WHERE " + ca + " > " + value;
                    question = "Names in " + ta + " with " + ca + " above " + value;
                }
                case 1 -> {
                    sql = "SELECT count(*) FROM " + ta + " WHERE name = '" + word + "'";
                    question = "How many " + ta + " are named " + word + "?";
                }
                case 2 -> {
                    sql = "SELECT T1.name, avg(T2." + cb + ") FROM " + ta + " AS T1 JOIN " + tb
                            + " AS T2 ON T1.parent_id = T2.id GROUP BY T1.name ORDER BY avg(T2." + cb
                            + ") DESC LIMIT 5";
                    question = "Top 5 " + ta + " by average " + cb;
                }
                case 3 -> {
                    sql = "SELECT name FROM " + ta + " WHERE id NOT IN (SELECT parent_id FROM " + tb + " WHERE " + cb
                            + " < " + value + ")";
                    question = "Which " + ta + " have no " + tb + " below " + value + "?";
                }
                case 4 -> {
                    sql = "SELECT name FROM " + ta + " WHERE " + ca + " > " + value + " INTERSECT SELECT name FROM "
                            + tb + " WHERE " + cb + " < " + (value + 10);
                    question = "Names above " + value + " and below " + (value + 10);
                }
                case 5 -> {
                    sql = "WITH x AS (SELECT parent_id, count(*) AS n FROM " + tb
                            + " GROUP BY parent_id) SELECT T1.name, x.n FROM " + ta
                            + " AS T1 JOIN x ON x.parent_id = T1.id ORDER BY x.n DESC";
                    question = "How many " + tb + " per " + ta;
                }
                default -> {
                    sql = "SELECT T1.name, T2.name FROM " + ta + " AS T1 JOIN " + tb
                            + " AS T2 ON T1.parent_id = T2.id WHERE T1." + ca + " = " + value;
                    question = "Pairs where " + ca + " is " + value;
                }
            }
            if (r.nextInt(10) == 0) {
                sql = sql.replace(ta, ta + "x"); // a wrong table name
            }
            out.add(TestPair.of("b" + i, question, sql)
                    .at(Instant.EPOCH)
                    .on(type, "bench")
                    .build());
        }
        return out;
    }

    private static void run(String label, PairValidator validator, LoadedSchema schema, List<Pair> pairs, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Pair> part = pairs.subList(pairs.size() * t / threads, pairs.size() * (t + 1) / threads);
            parts.add(pool.submit(() -> {
                long cpu0 = MX.getCurrentThreadCpuTime();
                long flagged = 0;
                for (Pair p : part) {
                    flagged += validator.validate(p, schema).messages().isEmpty() ? 0 : 1;
                }
                return new long[] {flagged, MX.getCurrentThreadCpuTime() - cpu0};
            }));
        }
        long flagged = 0;
        long cpu = 0;
        for (Future<long[]> f : parts) {
            flagged += f.get()[0];
            cpu += f.get()[1];
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(
                "  %-60s %,8.0f pairs/s per core (CPU time), %,8.0f pairs/s wall (%,d in %.2f s, %,d flagged)%n",
                label, pairs.size() / (cpu / 1e9), pairs.size() / s, pairs.size(), s, flagged);
    }
}
