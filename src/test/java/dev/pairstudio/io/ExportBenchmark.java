package dev.pairstudio.io;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.sql.QualitySignals;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.PairStores;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 7's figures at 1M pairs (not a test; run with -Xmx256m):
 * <pre>mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp-exp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat /tmp/cp-exp.txt) dev.pairstudio.io.ExportBenchmark [pairs] [anonymized-pairs]</pre>
 * Generates the pairs with {@link SyntheticPairs} (analysed with the SQL analyser, stored with
 * {@code addAll} in batches of 10k) into a temporary H2 file, then times statistics (whole set,
 * a date-range third, a database-type third, and a text filter that takes the exact path),
 * a bare Jackson baseline writing the same records from memory, and each export.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int anonymized = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        // optional third argument: a database folder to keep and reuse (filled once)
        boolean keep = args.length > 2;
        Path dir = keep ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("export-bench");
        boolean fillOnly = args.length > 3 && args[3].equals("fill-only");
        HeapWatch heap = new HeapWatch();
        heap.start();
        try (PairStore store = PairStores.open(dir.resolve("bench").toString())) {
            long t = System.nanoTime();
            long have = store.count(PairFilter.ALL);
            if (have < n) {
                fill(store, n - (int) have, 7 + have);
                report("insert %,d pairs (analysed, batches of 10k, aggregates maintained)", n - (int) have, t);
            }
            if (fillOnly) {
                return;
            }

            time("stats, whole set (first run)", () -> Statistics.compute(store, PairFilter.ALL));
            time("stats, whole set (again)", () -> Statistics.compute(store, PairFilter.ALL));
            PairFilter third = PairFilter.ALL.withDates(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-05-02T00:00:00Z"));
            time("stats, date-range third", () -> Statistics.compute(store, third));
            PairFilter third2 = PairFilter.ALL.withDates(Instant.parse("2025-01-01T09:30:00Z"), Instant.parse("2025-05-02T17:00:00Z"))
                    .withSuccess(true);
            time("stats, third with partial edge days + success", () -> Statistics.compute(store, third2));
            PairFilter mysql = PairFilter.ALL.withDatabaseTypes(Set.of("mysql", "sqlite"));
            time("stats, database-type filter", () -> Statistics.compute(store, mysql));
            PairFilter text = PairFilter.ALL.withText("customer", false);
            time("stats, text filter (exact path, reads pairs)", () -> Statistics.compute(store, text));

            // baseline: the same writer code, records from memory (10k stored pairs written 100x per 1M)
            List<ExportRecord> sample = new ArrayList<>();
            store.query(PairFilter.ALL, PairSort.INSERTION, null, 10_000).rows()
                    .forEach(p -> sample.add(new ExportRecord(p.pair(), p.analysis().queryType())));
            Path base = dir.resolve("baseline.jsonl");
            t = System.nanoTime();
            long cpu0 = processCpu();
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(base), 1 << 16)) {
                ExportWriters.Jsonl w = new ExportWriters.Jsonl(out);
                for (int i = 0; i < n; i++) {
                    w.write(sample.get(i % sample.size()));
                }
                w.finish();
            }
            double baseline = seconds(t);
            System.out.printf(Locale.ROOT, "%-62s %8.2f s  (%,.0f pairs/s, %,d MB, process cpu %.1f s)%n", "bare Jackson JSONL from memory",
                    baseline, n / baseline, Files.size(base) >> 20, (processCpu() - cpu0) / 1e9);
            Files.delete(base);

            DatasetExporter exporter = new DatasetExporter(store, null);
            double jsonl = export(exporter, ExportProfile.defaults("jsonl").withAnonymize(false).withDedup(false), dir.resolve("o.jsonl"));
            System.out.printf(Locale.ROOT, "%-62s %8.2fx%n", "JSONL export / bare Jackson", jsonl / baseline);
            export(exporter, ExportProfile.defaults("json").withAnonymize(false).withDedup(false), dir.resolve("o.json"));
            export(exporter, ExportProfile.defaults("csv").withAnonymize(false).withDedup(false), dir.resolve("o.csv"));
            // the anonymized run covers the first pairs (a date range holding about that many)
            Instant cut = store.query(PairFilter.ALL, new PairSort(dev.pairstudio.store.SortColumn.TIMESTAMP, false), null, 1).rows().get(0).pair().timestamp();
            long count = 0;
            Instant to = cut;
            while (count < anonymized) {
                to = to.plusSeconds(86_400L * 7);
                count = store.count(PairFilter.ALL.withDates(cut, to));
            }
            export(exporter, ExportProfile.defaults("jsonl").withFilter(PairFilter.ALL.withDates(cut, to)), dir.resolve("anon.jsonl"));
            export(exporter, ExportProfile.defaults("jsonl").withAnonymize(false), dir.resolve("d.jsonl"));
            export(exporter, ExportProfile.defaults("openai").withAnonymize(false).withDedup(false)
                    .withSplit(SplitRatios.DEFAULT, SplitAssigner.Grouping.TEMPLATE), dir.resolve("s.jsonl"));
            export(exporter, ExportProfile.defaults("hf").withAnonymize(false), dir.resolve("hf"));
            long[] rows = {0};
            t = System.nanoTime();
            store.forEach(PairFilter.ALL, PairSort.INSERTION, p -> rows[0]++);
            report("store.forEach alone (read %,d pairs, write nothing)", (int) rows[0], t);

        } finally {
            heap.stop = true;
            heap.join();
            System.out.printf(Locale.ROOT, "%-62s %,8d MB (max %,d MB)%n", "peak heap used", heap.peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            if (!keep) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void fill(PairStore store, int n, long seed) {
        long analysing = 0;
        long storing = 0;
        long storingCpu = 0;
        var mx = ManagementFactory.getThreadMXBean();
        SyntheticPairs gen = new SyntheticPairs(seed); // another seed when resuming: new pair ids
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            List<Pair> batch = new ArrayList<>(10_000);
            List<PairAnalysis> analyses = new ArrayList<>(10_000);
            for (int i = 0; i < n; i++) {
                Pair p = gen.next();
                long t0 = System.nanoTime();
                SqlAnalysis a = analyzer.analyze(p.sql(), p.databaseType());
                analysing += System.nanoTime() - t0;
                batch.add(p.withTableNames(a.tables()));
                analyses.add(new PairAnalysis(a.type(), a.fingerprint(), a.complexity().level(), QualitySignals.flags(a, p.question()),
                        null, Set.of(), a.parseError()));
                if (i % 100_000 == 0 && i > 0) {
                    System.out.printf(Locale.ROOT, "  ... %,d pairs%n", i);
                }
                if (batch.size() == 10_000) {
                    long t1 = System.nanoTime();
                    long c1 = mx.getCurrentThreadCpuTime();
                    store.addAll(batch, analyses, Source.FILE, "bench");
                    storing += System.nanoTime() - t1;
                    storingCpu += mx.getCurrentThreadCpuTime() - c1;
                    batch.clear();
                    analyses.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.addAll(batch, analyses, Source.FILE, "bench");
            }
        }
        System.out.printf(Locale.ROOT, "  (of which SQL analysis %.1f s, addAll %.1f s, addAll CPU %.1f s)%n", analysing / 1e9, storing / 1e9, storingCpu / 1e9);
    }

    private static double export(DatasetExporter exporter, ExportProfile profile, Path out) throws IOException {
        long cpu0 = processCpu();
        ExportResult r;
        try {
            r = exporter.export(profile, out, ExportTargetPolicy.OVERWRITE, ExportListener.NONE);
        } catch (RuntimeException e) {
            System.out.printf(Locale.ROOT, "%-62s FAILED: %s%n", "export " + profile.format(), e.getMessage());
            return Double.NaN;
        }
        double s = r.elapsed().toNanos() / 1e9;
        double cpu = (processCpu() - cpu0) / 1e9;
        long bytes = r.files().stream().mapToLong(ExportResult.FileEntry::bytes).sum();
        System.out.printf(Locale.ROOT, "%-62s %8.2f s  (%,.0f pairs/s, %,d pairs, %,d MB, process cpu %.1f s)%n",
                "export " + profile.format() + (profile.anonymize() ? " anonymized" : "") + (profile.split() != null ? " split" : "")
                        + (profile.dedup() ? " dedup" : ""), s, r.written() / s, r.written(), bytes >> 20, cpu);
        for (ExportResult.FileEntry f : r.files()) {
            Files.deleteIfExists(f.path());
        }
        return s;
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private interface Job {
        Object run() throws Exception;
    }

    private static void time(String what, Job job) throws Exception {
        long t = System.nanoTime();
        long c = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Object r;
        try {
            r = job.run();
        } catch (RuntimeException e) {
            System.out.printf(Locale.ROOT, "%-62s FAILED after %.1f s: %s%n", what, seconds(t), e.getMessage());
            return;
        }
        double s = seconds(t);
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c) / 1e9;
        String extra = r instanceof Statistics st ? String.format(Locale.ROOT, "(%,d pairs)", st.totalPairs()) : "";
        System.out.printf(Locale.ROOT, "%-62s %8.3f s  cpu %.3f s %s%n", what, s, cpu, extra);
    }

    private static void report(String what, int n, long t) {
        double s = seconds(t);
        System.out.printf(Locale.ROOT, "%-62s %8.2f s  (%,.0f pairs/s)%n", String.format(Locale.ROOT, what, n), s, n / s);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Samples the used heap every 20 ms. */
    private static final class HeapWatch extends Thread {
        volatile boolean stop;
        long peak;

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
