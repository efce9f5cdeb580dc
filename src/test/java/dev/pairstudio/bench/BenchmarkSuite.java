package dev.pairstudio.bench;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every figure the issues name, from one command ({@code bench/run.sh}, README "Benchmarks"):
 * generates N synthetic pairs, imports them into a fresh H2 file, and measures the store's reads
 * and delete-by-filter, statistics, SQL analysis, anonymization and every export format, beside
 * reference ceilings taken in the same run. Prints one Markdown table per area with the issue's
 * target and whether the figure meets it; {@code --out FILE} writes the same Markdown.
 * Not a test (surefire ignores it); {@link BenchmarkSuiteTest} runs it small.
 */
public final class BenchmarkSuite {
    static final long HEAP_LIMIT = 256L << 20;

    private BenchmarkSuite() {}

    /**
     * @param size      pairs to generate and import
     * @param only      the areas to run and print (the others still run as set-up when an area needs them)
     * @param dir       where the JSONL and the database go; kept when given, otherwise a temporary folder removed at the end
     * @param repeats   timed repeats per latency, after the cold call
     * @param budgetMs  a latency stops repeating once its repeats took this long (at least two run)
     * @param sample    pairs analysed and anonymized in the analysis area
     * @param anonymized pairs in the anonymized export
     */
    record Options(
            int size,
            long seed,
            Set<Area> only,
            Path out,
            Path dir,
            boolean keepDir,
            int repeats,
            double budgetMs,
            int sample,
            int anonymized,
            String command,
            String db) {

        static final String USAGE = """
                Usage: bench/run.sh [--size N|100k|1m] [--only AREA,...] [--out FILE] [--dir DIR] [--seed S]
                                    [--repeats R] [--sample N] [--anonymized N] [--db URL|local-postgresql]
                  --size        pairs to generate and import (default 20k)
                  --only        areas: %s (default: all)
                  --out         also write the Markdown report to FILE
                  --dir         keep the JSONL and database in DIR and reuse them (default: a temporary folder)
                  --seed        generator seed (default 42)
                  --repeats     timed repeats per latency after the cold call (default 10)
                  --sample      pairs analysed and anonymized (default 100k)
                  --anonymized  pairs in the anonymized export (default: all; fewer are the earliest by date,
                                scattered through the table, which a plain whole-table export does not compare with)
                  --db          a PostgreSQL database to measure instead of an H2 file in DIR: postgresql://USER[:PW]@HOST:PORT/DB
                                (emptied first; password also from PAIRSTUDIO_DB_PASSWORD), or local-postgresql: a throwaway
                                server from this machine's PostgreSQL binaries (fsync on), as the tests start one
                """.formatted(String.join(", ", Area.keys()));

        static Options parse(String... args) throws IOException {
            int size = 20_000;
            long seed = 42;
            Set<Area> only = EnumSet.allOf(Area.class);
            Path out = null;
            Path dir = null;
            int repeats = 10;
            int sample = 100_000;
            int anonymized = -1; // the whole set unless told
            String db = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    throw new IllegalArgumentException("");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--size" -> size = count(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--only" -> {
                        only = EnumSet.noneOf(Area.class);
                        for (String k : v.split(",")) {
                            only.add(Area.parse(k));
                        }
                    }
                    case "--out" -> out = Path.of(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--repeats" -> repeats = Integer.parseInt(v);
                    case "--sample" -> sample = count(v);
                    case "--anonymized" -> anonymized = count(v);
                    case "--db" -> db = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            boolean keep = dir != null;
            if (dir == null) {
                dir = Files.createTempDirectory("pairstudio-bench");
            }
            Files.createDirectories(dir);
            return new Options(
                    size,
                    seed,
                    only,
                    out,
                    dir,
                    keep,
                    repeats,
                    2_000,
                    sample,
                    anonymized < 0 ? size : anonymized,
                    "bench/run.sh " + String.join(" ", args),
                    db);
        }

        /** "20000", "20k", "1m", "1,000,000". */
        static int count(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace(",", "").replace("_", "");
            long factor = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
            if (factor > 1) {
                t = t.substring(0, t.length() - 1);
            }
            long n = Math.round(Double.parseDouble(t) * factor);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("not a usable count: " + text);
            }
            return (int) n;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        Report report = run(options, System.out, System.err);
        boolean failed =
                report.all().values().stream().flatMap(List::stream).anyMatch(r -> r.verdict() == Verdict.FAILED);
        System.exit(failed ? 1 : 0);
    }

    /** Runs the selected areas, printing each table to {@code out} as it is done; progress goes to {@code progress}. */
    static Report run(Options o, PrintStream out, PrintStream progress) throws IOException {
        Report report = new Report();
        report.header("## Benchmark run: " + Report.count(o.size()) + " pairs, "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.header("");
        report.header("**Machine**: " + Machine.describe() + ". **Load average** (1, 5, 15 min) at start: "
                + Machine.load() + ".");
        report.header("");
        if (o.db() != null) {
            report.header("**Database**: PostgreSQL (" + ServerDatabase.describe(o.db()) + "), not an H2 file.");
            report.header("");
        }
        report.header("**Command**: `" + o.command().trim() + "` (seed " + o.seed() + ", " + o.repeats()
                + " repeats per latency"
                + (System.getProperty("bench.commit") != null ? ", commit " + System.getProperty("bench.commit") : "")
                + ").");
        report.header(
                "Targets are the issues' figures, stated for 1,000,000 pairs; a smaller run checks them only loosely. "
                        + "Latencies are judged on the median (p50) of the repeats; \"cold\" is the first call. "
                        + "Rates \"per core\" come from the CPU time of the working threads, which other load does not inflate. "
                        + "Peak heap: the most still in use right after a collection (\"after GC\", an upper bound on live data) "
                        + "and the most in use including garbage (\"used\").");
        out.print(report.headerMarkdown());
        out.flush();
        try (HeapWatch heap = new HeapWatch();
                Workload w = new Workload(o, heap, progress)) {
            for (Area area : Area.values()) {
                if (!o.only().contains(area)) {
                    continue;
                }
                if (area == Area.REFERENCE && o.only().contains(Area.IMPORT)) {
                    continue; // its ceiling is written from the stored pairs: it runs right after the import
                }
                runArea(area, w, report, out, progress);
                if (area == Area.IMPORT && o.only().contains(Area.REFERENCE)) {
                    runArea(Area.REFERENCE, w, report, out, progress);
                }
            }
        } finally {
            report.footer("**Load average** at end: " + Machine.load() + ".");
            out.print(report.footerMarkdown());
            out.flush();
            if (o.out() != null) {
                Path parent = o.out().toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(o.out(), report.markdown(), StandardCharsets.UTF_8);
            }
            if (!o.keepDir()) {
                deleteTree(o.dir());
            }
        }
        return report;
    }

    private static void runArea(Area area, Workload w, Report report, PrintStream out, PrintStream progress) {
        long t = System.nanoTime();
        try {
            switch (area) {
                case REFERENCE -> ReferenceBench.run(w, report);
                case IMPORT -> ImportBench.run(w, report);
                case READS -> StoreBench.reads(w, report);
                case DELETE -> StoreBench.delete(w, report);
                case STATS -> StatsBench.run(w, report);
                case ANALYSIS -> AnalysisBench.run(w, report);
                case EXPORT -> ExportBench.run(w, report);
            }
        } catch (Exception | OutOfMemoryError e) {
            e.printStackTrace(progress);
            report.failed(area, area.title, e);
        }
        progress.printf(Locale.ROOT, "%s: done in %.1f s%n", area.key, (System.nanoTime() - t) / 1e9);
        out.print(Report.table(area, report.rows(area)));
        out.flush();
    }

    /** The heap verdict: the run must be limited to 256 MB (-Xmx256m) and finish, which the row's presence shows. */
    static Row heapRow(String operation, String size, HeapWatch.Peak peak) {
        boolean limited =
                HeapWatch.maxHeap() <= HEAP_LIMIT + (8L << 20); // -Xmx256m reports a little under or over 256 MB
        return new Row(
                operation,
                size,
                peak.toString(),
                Math.max(1, peak.afterGcMb()),
                "≤ 256 MB whatever the size (-Xmx256m)",
                limited ? Verdict.of(peak.afterGc() <= HEAP_LIMIT) : Verdict.NOT_CHECKED,
                "",
                limited
                        ? "compare the after-GC figure across sizes to see it flat"
                        : "run with -Xmx" + (HeapWatch.maxHeap() >> 20) + "m: not a 256 MB check");
    }

    /** Removes a file or a folder with everything in it; nothing when absent. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
