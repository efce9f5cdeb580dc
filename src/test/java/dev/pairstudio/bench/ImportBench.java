package dev.pairstudio.bench;

import static dev.pairstudio.bench.Report.count;
import static dev.pairstudio.bench.Report.mb;
import static dev.pairstudio.bench.Report.rate;
import static dev.pairstudio.bench.Report.ratio;
import static dev.pairstudio.bench.Report.seconds;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.ImportFormat;
import dev.pairstudio.ingest.ImportSummary;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.ingest.PendingAnalysis;
import dev.pairstudio.store.Database;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Issue 4's import figures: the JSONL file into a fresh H2 file (or the --db PostgreSQL database) the way {@code pairstudio import}
 * does it: first stored (parsed, de-duplicated by pair_id, written in batches by one writer),
 * then analysed ({@link PendingAnalysis}) and grouped for duplicates, each phase timed on its own.
 */
final class ImportBench {
    private static final Area AREA = Area.IMPORT;

    private ImportBench() {}

    static void run(Workload w, Report report) throws Exception {
        var jsonl = w.jsonl();
        long jsonlBytes = Files.size(jsonl);
        w.deleteDatabase();
        String size = count(w.size()) + " pairs";

        w.progress.println("import ...");
        w.heap.begin();
        long cpu0 = Machine.processCpu();
        ImportSummary s;
        double importSeconds;
        HeapWatch.Peak importHeap;
        Database store = w.open();
        long analysed;
        double analysisSeconds;
        double analysisCpu;
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            long t = System.nanoTime();
            s = new PairImporter(store, PairEnricher.NONE)
                    .importFiles(List.of(jsonl), ImportFormat.JSONL, w.dir(), null, null);
            importSeconds = (System.nanoTime() - t) / 1e9;
            importHeap = w.heap.peak();
            w.progress.println("analysis of the stored pairs ...");
            long c0 = Machine.processCpu();
            t = System.nanoTime();
            analysed = PendingAnalysis.run(store, enricher, 2, n -> {}, () -> false);
            analysisSeconds = (System.nanoTime() - t) / 1e9;
            analysisCpu = (Machine.processCpu() - c0) / 1e9;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        double cpu = (Machine.processCpu() - cpu0) / 1e9 - analysisCpu;
        double rate = s.added() / importSeconds;
        report.add(
                AREA,
                new Row(
                        "import JSONL as `pairstudio import` stores it (parse, de-duplicate by pair_id, write; analysis follows)",
                        size,
                        rate(rate) + " (" + seconds(importSeconds) + ")",
                        rate,
                        "≥ 50,000 pairs/s (1M in ≤ 20 s)",
                        Verdict.of(rate >= 50_000),
                        importHeap.toString(),
                        String.format(
                                Locale.ROOT,
                                "added %,d, skipped %,d, malformed %,d; process CPU %s",
                                s.added(),
                                s.skipped(),
                                s.malformed(),
                                seconds(cpu))));
        report.add(AREA, BenchmarkSuite.heapRow("peak heap during import", size, importHeap));
        double analysisRate = analysed / analysisSeconds;
        report.add(
                AREA,
                new Row(
                        "then its analysis of the stored pairs (`PendingAnalysis`: SQL analysis + PII detection, 2 threads)",
                        size,
                        rate(analysisRate) + " (" + seconds(analysisSeconds) + ")",
                        analysisRate,
                        "",
                        Verdict.NONE,
                        "",
                        String.format(
                                Locale.ROOT,
                                "%,d pairs analysed; process CPU %s (%s per core)",
                                analysed,
                                seconds(analysisCpu),
                                rate(analysed / analysisCpu))));

        w.progress.println("duplicate grouping ...");
        w.heap.begin();
        long t = System.nanoTime();
        long fed;
        try {
            fed = new DuplicateTracker(store).catchUp();
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        double groupSeconds = (System.nanoTime() - t) / 1e9;
        HeapWatch.Peak groupHeap = w.heap.peak();
        report.add(
                AREA,
                new Row(
                        "duplicate grouping after the import (`DuplicateTracker.catchUp`, as the CLI runs it)",
                        size,
                        rate(fed / groupSeconds) + " (" + seconds(groupSeconds) + ")",
                        fed / groupSeconds,
                        "1M in ≤ 60 s (issue 5; ≥ 16,667 pairs/s)",
                        Verdict.of(fed / groupSeconds >= 1_000_000 / 60.0),
                        groupHeap.toString(),
                        ""));

        t = System.nanoTime();
        store.close();
        double closeSeconds = (System.nanoTime() - t) / 1e9;
        long dbBytes = w.databaseBytes();
        double fileRatio = (double) dbBytes / jsonlBytes;
        report.add(
                AREA,
                new Row(
                        "database file ÷ JSONL file (after closing the store)",
                        size,
                        ratio(fileRatio),
                        fileRatio,
                        "≤ 1.5×",
                        Verdict.of(fileRatio <= 1.5),
                        "",
                        "database " + mb(dbBytes) + ", JSONL " + mb(jsonlBytes) + "; closing took "
                                + seconds(closeSeconds)));

        t = System.nanoTime();
        Database reopened = w.open();
        double openMs = (System.nanoTime() - t) / 1e6;
        w.adopt(reopened);
        report.add(
                AREA,
                new Row(
                        "open the database again (Flyway check, H2 start or PostgreSQL connect)",
                        size,
                        Latency.ms(openMs),
                        openMs,
                        "",
                        Verdict.NONE,
                        "",
                        ""));
    }
}
