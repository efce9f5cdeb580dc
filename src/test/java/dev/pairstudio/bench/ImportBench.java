package dev.pairstudio.bench;

import static dev.pairstudio.bench.Report.count;
import static dev.pairstudio.bench.Report.mb;
import static dev.pairstudio.bench.Report.rate;
import static dev.pairstudio.bench.Report.ratio;
import static dev.pairstudio.bench.Report.seconds;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import dev.pairstudio.io.AnalyzingEnricher;
import dev.pairstudio.io.DuplicateTracker;
import dev.pairstudio.io.ImportFormat;
import dev.pairstudio.io.ImportSummary;
import dev.pairstudio.io.PairImporter;
import dev.pairstudio.store.PairStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4's import figures: the JSONL file into a fresh H2 file the way {@code pairstudio import}
 * does it (analysis and PII detection on two threads, batches written in order by one writer),
 * then the duplicate grouping the CLI runs after it. The store's own share is timed separately:
 * every {@code addAll} call is wrapped, which tells what a store-first import (issue 5 allows
 * analysing in the background) would reach.
 */
final class ImportBench {
    private static final Area AREA = Area.IMPORT;

    private ImportBench() {
    }

    static void run(Workload w, Report report) throws Exception {
        var jsonl = w.jsonl();
        long jsonlBytes = Files.size(jsonl);
        w.deleteDatabase();
        String size = count(w.size()) + " pairs";

        w.progress.println("import ...");
        w.heap.begin();
        long cpu0 = Machine.processCpu();
        AtomicLong addAllNanos = new AtomicLong();
        ImportSummary s;
        double importSeconds;
        HeapWatch.Peak importHeap;
        PairStore store = w.open();
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            long t = System.nanoTime();
            s = new PairImporter(timed(store, addAllNanos), enricher).importFiles(List.of(jsonl), ImportFormat.JSONL, w.dir(), null, null);
            importSeconds = (System.nanoTime() - t) / 1e9;
            importHeap = w.heap.peak();
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        double cpu = (Machine.processCpu() - cpu0) / 1e9;
        double rate = s.added() / importSeconds;
        report.add(AREA, new Row("import JSONL as `pairstudio import` (SQL analysis + PII detection on 2 threads, one writer)", size,
                rate(rate) + " (" + seconds(importSeconds) + ")", rate, "≥ 50,000 pairs/s (1M in ≤ 20 s)", Verdict.of(rate >= 50_000),
                importHeap.toString(), String.format(java.util.Locale.ROOT, "added %,d, skipped %,d, malformed %,d; process CPU %s",
                        s.added(), s.skipped(), s.malformed(), seconds(cpu))));
        double storeSeconds = addAllNanos.get() / 1e9;
        double storeRate = s.added() / storeSeconds;
        report.add(AREA, new Row("of which the store's `addAll` (batches of 5,000, wall time on the writer thread)", size,
                rate(storeRate) + " (" + seconds(storeSeconds) + ")", storeRate,
                "≥ 50,000 pairs/s for a store-first import (issue 5: analysis may follow in the background)", Verdict.of(storeRate >= 50_000),
                "", "the rest of the import's wall time is reading, analysis and waiting for the pipeline"));
        report.add(AREA, BenchmarkSuite.heapRow("peak heap during import", size, importHeap));

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
        report.add(AREA, new Row("duplicate grouping after the import (`DuplicateTracker.catchUp`, as the CLI runs it)", size,
                rate(fed / groupSeconds) + " (" + seconds(groupSeconds) + ")", fed / groupSeconds, "1M in ≤ 60 s (issue 5; ≥ 16,667 pairs/s)",
                Verdict.of(fed / groupSeconds >= 1_000_000 / 60.0), groupHeap.toString(), ""));

        t = System.nanoTime();
        store.close();
        double closeSeconds = (System.nanoTime() - t) / 1e9;
        long dbBytes = Files.size(w.databaseFile());
        double fileRatio = (double) dbBytes / jsonlBytes;
        report.add(AREA, new Row("database file ÷ JSONL file (after closing the store)", size, ratio(fileRatio), fileRatio, "≤ 1.5×",
                Verdict.of(fileRatio <= 1.5), "", "database " + mb(dbBytes) + ", JSONL " + mb(jsonlBytes) + "; closing took " + seconds(closeSeconds)));

        t = System.nanoTime();
        PairStore reopened = w.open();
        double openMs = (System.nanoTime() - t) / 1e6;
        w.adopt(reopened);
        report.add(AREA, new Row("open the database again (Flyway check, H2 start)", size, Latency.ms(openMs), openMs, "", Verdict.NONE, "", ""));
    }

    /** The store with its {@code addAll} calls timed: a proxy over the public interface, nothing else changes. */
    private static PairStore timed(PairStore store, AtomicLong addAllNanos) {
        return (PairStore) Proxy.newProxyInstance(PairStore.class.getClassLoader(), new Class<?>[] {PairStore.class}, (proxy, method, args) -> {
            long t = System.nanoTime();
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (method.getName().equals("addAll")) {
                    addAllNanos.addAndGet(System.nanoTime() - t);
                }
            }
        });
    }
}
