package dev.pairstudio.ingest;

import dev.pairstudio.store.Database;
import java.nio.file.Path;
import java.util.List;

/**
 * An import that stores, analyses and groups in one pass (issue 24): the file is read on the
 * calling thread, each batch analysed on a pool (SQL analysis, flags, PII) while the previous one
 * is written, and written with its analyses and duplicate groups in one transaction. Nothing is
 * read back or written twice, which the store-first import did three times over (store, then read
 * and analyse every pair, then read and group every pair). Resumable as before: a rerun skips what
 * is stored, first analyses what an earlier run left unanalysed, and regroups when the stored
 * groups do not stand for the stored pairs.
 */
public final class OnePassImport {

    /**
     * @param summary   what the import did
     * @param leftOver  pairs an earlier run had left unanalysed, analysed before this import
     * @param regrouped stored pairs grouped before this import (every one, when the store had any)
     */
    public record Result(ImportSummary summary, long leftOver, long regrouped) {}

    private OnePassImport() {}

    /**
     * @param format          null: detect per file
     * @param reportDirectory where problems are written in full; null: none
     * @param batchSize       pairs per transaction
     * @param threads         analysis threads
     * @param progress        told after every stored batch; null: nobody
     * @param expected        how many records the files hold at most ({@link PairImporter#estimatedRecords}): sizes the grouping
     */
    public static Result run(
            Database store,
            List<Path> files,
            ImportFormat format,
            Path reportDirectory,
            int batchSize,
            int threads,
            ProgressListener progress,
            long expected) {
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            // the new pairs are grouped against every stored pair's fingerprint: those must exist first
            long leftOver = PendingAnalysis.run(store, enricher, threads, n -> {}, () -> false);
            DuplicateTracker duplicates = new DuplicateTracker(store).expecting(expected);
            long regrouped = duplicates.catchUp(); // also finishes a grouping that a killed run left behind
            ImportSummary s = new PairImporter(store, enricher, batchSize, threads, duplicates)
                    .importFiles(files, format, reportDirectory, progress, null);
            if (!s.cancelled()) {
                duplicates.groupedAll();
            }
            return new Result(s, leftOver, regrouped);
        }
    }
}
