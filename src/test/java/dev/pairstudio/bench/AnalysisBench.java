package dev.pairstudio.bench;

import static dev.pairstudio.bench.Report.count;
import static dev.pairstudio.bench.Report.rate;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Field;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Issue 5's analysis rate and issue 6's anonymization rate, on the stored pairs (up to
 * {@code --sample} of them, read a page at a time so the heap stays small). Each rate is given
 * per core from the CPU time of the working threads, which other load on a shared machine does
 * not inflate, and as wall-clock pairs/s. The first page is run once untimed to warm the JIT.
 */
final class AnalysisBench {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int PAGE = 2_500;
    /** An analyser that parses every statement: a template cache of one entry. */
    private static final SqlAnalyzer.Options NO_CACHE = new SqlAnalyzer.Options(2_000, 100_000, 200, 1);

    private AnalysisBench() {}

    /** One measured job: pairs done, wall nanoseconds, CPU nanoseconds of its threads, and what it found. */
    private static final class Tally {
        long pairs;
        long wall;
        long cpu;
        long found;

        double cpuRate() {
            return pairs / (cpu / 1e9);
        }

        double wallRate() {
            return pairs / (wall / 1e9);
        }
    }

    static void run(Workload w, Report report) throws Exception {
        Database store = w.store();
        long n = store.count(PairFilter.ALL);
        int sample = (int) Math.min(n, w.options.sample());
        String size = count(sample) + (sample < n ? " of " + count(n) : "") + " pairs";
        w.progress.println("analysis and anonymization on " + count(sample) + " pairs ...");

        ExecutorService two = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-analysis");
            t.setDaemon(true);
            return t;
        });
        Anonymizer anonymizer = PrivacySettings.anonymizer(store);
        try (SqlAnalyzer warm = new SqlAnalyzer(NO_CACHE);
                SqlAnalyzer oneThread = new SqlAnalyzer(NO_CACHE);
                SqlAnalyzer twoThreads = new SqlAnalyzer(NO_CACHE);
                SqlAnalyzer cached = new SqlAnalyzer()) {
            ToLongFunction<Pair> parseWarm =
                    p -> warm.analyze(p.sql(), p.databaseType()).parsed() ? 1 : 0;
            ToLongFunction<Pair> parse1 =
                    p -> oneThread.analyze(p.sql(), p.databaseType()).parsed() ? 1 : 0;
            ToLongFunction<Pair> parse2 =
                    p -> twoThreads.analyze(p.sql(), p.databaseType()).parsed() ? 1 : 0;
            ToLongFunction<Pair> parseCached =
                    p -> cached.analyze(p.sql(), p.databaseType()).parsed() ? 1 : 0;
            ToLongFunction<Pair> anonymize = p -> {
                try {
                    return anonymizer.anonymize(p).findings().stream().anyMatch(r -> r.field() != Field.DATABASE_NAME)
                            ? 1
                            : 0;
                } catch (AnonymizationException e) {
                    return 0;
                }
            };
            Tally a1 = new Tally();
            Tally a2 = new Tally();
            Tally ac = new Tally();
            Tally an = new Tally();
            String cursor = null;
            int done = 0;
            boolean warmed = false;
            while (done < sample) {
                Page page = store.query(PairFilter.ALL, PairSort.INSERTION, cursor, Math.min(PAGE, sample - done));
                List<Pair> pairs = page.rows().stream().map(StoredPair::pair).toList();
                if (pairs.isEmpty()) {
                    break;
                }
                if (!warmed) {
                    oneThread(pairs, parseWarm, new Tally());
                    oneThread(pairs, anonymize, new Tally());
                    warmed = true;
                }
                oneThread(pairs, parse1, a1);
                twoThreads(two, pairs, parse2, a2);
                oneThread(pairs, parseCached, ac);
                oneThread(pairs, anonymize, an);
                done += pairs.size();
                cursor = page.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
            report.add(
                    Area.ANALYSIS,
                    analysisRow("SQL analysis, every statement parsed (no template cache), 1 thread", size, a1));
            report.add(Area.ANALYSIS, analysisRow("SQL analysis, every statement parsed, 2 threads", size, a2));
            report.add(
                    Area.ANALYSIS, analysisRow("SQL analysis as import runs it (template cache), 1 thread", size, ac));
            report.add(
                    Area.ANALYSIS,
                    new Row(
                            "anonymization (the store's policy and key), 1 thread",
                            size,
                            rate(an.cpuRate()) + " per core (CPU); " + rate(an.wallRate()) + " wall",
                            an.cpuRate(),
                            "≥ 20,000 pairs/s on one core",
                            Verdict.of(an.cpuRate() >= 20_000),
                            "",
                            count(an.found)
                                    + " pairs with a finding in the question or SQL; the database name is replaced in every pair"));
            w.anonymizerRate = an.cpuRate();
        } finally {
            two.shutdownNow();
        }
    }

    private static Row analysisRow(String operation, String size, Tally t) {
        return new Row(
                operation,
                size,
                rate(t.cpuRate()) + " per core (CPU); " + rate(t.wallRate()) + " wall",
                t.cpuRate(),
                "≥ 5,000 pairs/s per core",
                Verdict.of(t.cpuRate() >= 5_000),
                "",
                String.format(Locale.ROOT, "%,d of %,d parsed", t.found, t.pairs));
    }

    private static void oneThread(List<Pair> pairs, ToLongFunction<Pair> job, Tally tally) {
        long t = System.nanoTime();
        long c = MX.getCurrentThreadCpuTime();
        long found = 0;
        for (Pair p : pairs) {
            found += job.applyAsLong(p);
        }
        tally.cpu += MX.getCurrentThreadCpuTime() - c;
        tally.wall += System.nanoTime() - t;
        tally.pairs += pairs.size();
        tally.found += found;
    }

    private static void twoThreads(ExecutorService pool, List<Pair> pairs, ToLongFunction<Pair> job, Tally tally)
            throws Exception {
        long t = System.nanoTime();
        List<Future<long[]>> parts = new ArrayList<>();
        int half = pairs.size() / 2;
        for (List<Pair> part : List.of(pairs.subList(0, half), pairs.subList(half, pairs.size()))) {
            parts.add(pool.submit(() -> {
                long c = MX.getCurrentThreadCpuTime();
                long found = 0;
                for (Pair p : part) {
                    found += job.applyAsLong(p);
                }
                return new long[] {found, MX.getCurrentThreadCpuTime() - c};
            }));
        }
        for (Future<long[]> f : parts) {
            tally.found += f.get()[0];
            tally.cpu += f.get()[1];
        }
        tally.wall += System.nanoTime() - t;
        tally.pairs += pairs.size();
    }
}
