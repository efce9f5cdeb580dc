package dev.pairstudio.sql;

import dev.pairstudio.pair.QualityFlag;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 5's figures: analysis pairs/s, grouping 1M pairs, adding 10k to a 1M index. Not a test
 * (surefire ignores it); run with {@code java -Xmx2g -cp … dev.pairstudio.sql.SqlBenchmark}.
 */
public final class SqlBenchmark {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private SqlBenchmark() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("net.sf.jsqlparser").setLevel(Level.WARNING);
        analysis();
        grouping(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000);
    }

    private static void analysis() throws Exception {
        List<FixtureQuery> all = new FixtureGenerator(42).generate(50_000);
        analysis("full fixture mix (CTEs, MERGE, DDL, dialects)", all);
        // Spider-like: the SELECT templates of the mix (simple, aggregate, join, comma join, nested, set operation)
        List<FixtureQuery> spider = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int template = i % 20;
            if (template == 0 || template == 1 || template == 2 || template == 3 || template == 4 || template == 8) {
                spider.add(all.get(i));
            }
        }
        analysis("Spider-like SELECTs", spider);
    }

    private static void analysis(String name, List<FixtureQuery> queries) throws Exception {
        Set<String> templates = new HashSet<>();
        for (FixtureQuery q : queries) {
            templates.add(SqlTemplate.fingerprint(q.sql(), q.databaseType()));
        }
        System.out.printf(
                "analysis corpus %s: %,d queries, %,d distinct templates%n", name, queries.size(), templates.size());
        try (SqlAnalyzer noCache = new SqlAnalyzer(new SqlAnalyzer.Options(2_000, 100_000, 200, 1))) {
            run("warm-up", noCache, queries.subList(0, Math.min(10_000, queries.size())), 1);
            run("1 thread, every query parsed (no template cache)", noCache, queries, 1);
        }
        try (SqlAnalyzer cached = new SqlAnalyzer()) {
            run("1 thread, template cache (fresh analyzer)", cached, queries, 1);
        }
        try (SqlAnalyzer noCache = new SqlAnalyzer(new SqlAnalyzer.Options(2_000, 100_000, 200, 1))) {
            run("2 threads, every query parsed", noCache, queries, 2);
        }
    }

    private static void run(String label, SqlAnalyzer analyzer, List<FixtureQuery> queries, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = queries.size() * t / threads;
            int to = queries.size() * (t + 1) / threads;
            parts.add(pool.submit(() -> {
                long cpu0 = MX.getCurrentThreadCpuTime();
                long parsed = 0;
                for (FixtureQuery q : queries.subList(from, to)) {
                    parsed += analyzer.analyze(q.sql(), q.databaseType()).parsed() ? 1 : 0;
                }
                return new long[] {parsed, MX.getCurrentThreadCpuTime() - cpu0};
            }));
        }
        long parsed = 0;
        long cpu = 0;
        for (Future<long[]> f : parts) {
            parsed += f.get()[0];
            cpu += f.get()[1];
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        // the machine is shared: CPU time of the analysing threads gives the per-core figure
        System.out.printf(
                "  %-50s %,9.0f pairs/s per core (CPU time), %,9.0f pairs/s wall  (%,d in %.2f s, %,d parsed)%n",
                label, queries.size() / (cpu / 1e9), queries.size() / s, queries.size(), s, parsed);
    }

    private static void grouping(int n) {
        String[] patterns = {
            "how many %s are there in %s", "list the %s of every %s ordered by %s",
                    "what is the average %s of %s in %s",
            "show the %s and %s for %s with more than %d orders", "which %s has the highest %s",
                    "find all %s whose %s is %s",
            "count the %s grouped by %s", "give me the names of %s that bought %s in %d",
                    "what are the %s of the %s with the most %s",
            "return the total %s per %s for the year %d",
        };
        Random r = new Random(11);
        String[] vocab = new String[5_000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = Long.toString(Math.abs(r.nextLong()) % 2_000_000_000L, 36);
        }
        int total = n + 10_000;
        String[] questions = new String[total];
        String[] fingerprints = new String[total];
        for (int i = 0; i < total; i++) {
            if (i > 0 && r.nextInt(20) == 0) {
                int j = r.nextInt(i); // 5% repeat an earlier question, half of them with other SQL
                questions[i] = questions[j].toUpperCase() + "?";
                fingerprints[i] = r.nextBoolean() ? fingerprints[j] : "other" + i;
                continue;
            }
            String p = patterns[r.nextInt(patterns.length)];
            Object[] slots = new Object[4];
            for (int s = 0; s < 4; s++) {
                slots[s] =
                        p.contains("%d") && s == 3 ? (Object) (1990 + r.nextInt(35)) : vocab[r.nextInt(vocab.length)];
            }
            questions[i] = String.format(p.replace("%d", "%4$d"), slots) + (r.nextInt(10) == 0 ? " please" : "");
            fingerprints[i] = Integer.toHexString(r.nextInt(200_000));
        }
        System.gc();
        long heapBefore = usedHeap();
        DuplicateGrouper g = new DuplicateGrouper();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            g.add(i, questions[i], fingerprints[i]);
        }
        DuplicateGrouper.Changes c = g.flush();
        double s = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapAfter = usedHeap();
        System.out.printf(
                "grouping %,d pairs: %.2f s (%,d assignments), index heap ≈ %,d MB%n",
                n, s, c.assignments().size(), (heapAfter - heapBefore) >> 20);
        long t1 = System.nanoTime();
        for (int i = n; i < total; i++) {
            g.add(i, questions[i], fingerprints[i]);
        }
        DuplicateGrouper.Changes inc = g.flush();
        double s2 = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                "adding 10,000 pairs to the %,d index: %.3f s (%,d assignments, %,d merges)%n",
                n, s2, inc.assignments().size(), inc.merges().size());
        int dup = 0;
        int conflict = 0;
        int near = 0;
        for (int i = 0; i < total; i += 10) {
            var a = g.resultFor(i);
            dup += a.flags().contains(QualityFlag.DUPLICATE) ? 1 : 0;
            conflict += a.flags().contains(QualityFlag.CONFLICT) ? 1 : 0;
            near += a.flags().contains(QualityFlag.NEAR_DUPLICATE) ? 1 : 0;
        }
        System.out.printf(
                "  sample of every 10th pair: %,d duplicate, %,d conflict, %,d near-duplicate%n", dup, conflict, near);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
