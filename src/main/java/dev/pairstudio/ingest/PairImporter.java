package dev.pairstudio.ingest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.AddResult;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Streams files into a store: read on the calling thread, enrich on a small pool, write batches
 * in file order on one writer thread, each batch one transaction. At most {@link #IN_FLIGHT}
 * batches are held at once, so memory does not grow with the file. Malformed records are
 * skipped and reported; known pair_ids are skipped and counted (re-imports add nothing).
 */
public final class PairImporter {
    public static final int DEFAULT_BATCH = 5_000;
    public static final int PROBLEMS_IN_SUMMARY = 100;
    private static final int IN_FLIGHT = 4;
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database store;
    private final PairEnricher enricher;
    private final int batchSize;
    private final int threads;
    /** Null: the pairs are stored ungrouped (and typically unanalysed), a later pass groups them. */
    private final DuplicateTracker duplicates;

    private final ObjectMapper json =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS); // 45.0 stays 45.0

    public PairImporter(Database store, PairEnricher enricher) {
        this(store, enricher, DEFAULT_BATCH, 2);
    }

    public PairImporter(Database store, PairEnricher enricher, int batchSize, int threads) {
        this(store, enricher, batchSize, threads, null);
    }

    /**
     * An import that analyses and groups as it stores: each batch is enriched on the pool, then
     * stored with its analyses and grouped by {@code duplicates} in one transaction, so no pair is
     * read back or written twice. {@code duplicates} must have caught up with the store.
     */
    public PairImporter(
            Database store, PairEnricher enricher, int batchSize, int threads, DuplicateTracker duplicates) {
        this.duplicates = duplicates;
        this.store = store;
        this.enricher = enricher == null ? PairEnricher.NONE : enricher;
        this.batchSize = batchSize;
        this.threads = threads;
        json.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        json.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(PairMapper.MAX_TEXT)
                        .build());
    }

    /**
     * Imports the files in order as one import batch.
     *
     * @param format          null or absent: detect per file
     * @param reportDirectory where {@code import-<batch>.report.txt} goes when there are problems; null: none
     */
    public ImportSummary importFiles(
            List<Path> files,
            ImportFormat format,
            Path reportDirectory,
            ProgressListener progress,
            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        String batch = "import-" + LocalDateTime.now(ZoneOffset.UTC).format(BATCH_TIME) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Run run = new Run(
                batch,
                reportDirectory,
                progress == null ? ProgressListener.NONE : progress,
                cancelled == null ? () -> false : cancelled);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("pair-enricher"));
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("pair-writer"));
        try {
            for (Path file : files) {
                if (run.cancelled.getAsBoolean()) {
                    run.wasCancelled = true;
                    break;
                }
                importFile(file, format, run, pool, writer);
            }
            if (run.added.get() > 0) {
                try {
                    store.sync(); // stored means on disk, and a full disk is reported by this import
                } catch (RuntimeException e) {
                    throw stopped(e);
                }
            }
        } finally {
            pool.shutdownNow();
            writer.shutdownNow();
            run.closeReport();
        }
        return new ImportSummary(
                batch,
                run.added.get(),
                run.skipped.get(),
                run.malformed,
                run.problems,
                run.reportFile,
                run.wasCancelled,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void importFile(Path file, ImportFormat format, Run run, ExecutorService pool, ExecutorService writer) {
        String name = file.getFileName().toString();
        long total;
        RecordSource source;
        TextInput in;
        try {
            if (!Files.isRegularFile(file)) {
                run.problem(new ImportProblem(file.toString(), 0, "no such file"));
                return;
            }
            total = Files.size(file);
            if (total == 0) {
                run.problem(new ImportProblem(name, 0, "the file is empty"));
                return;
            }
            ImportFormat f = format == null ? ImportFormat.detect(file) : format;
            in = TextInput.open(file);
            source = switch (f) {
                case JSONL -> new JsonlSource(in, json, new PairMapper(json, f));
                case CSV -> new CsvSource(in);
                case JSON, SPIDER, BIRD -> new JsonArraySource(in, json, new PairMapper(json, f));
            };
        } catch (UnreadableFileException e) {
            run.problem(new ImportProblem(name, e.line(), e.getMessage()));
            return;
        } catch (IOException e) {
            run.problem(new ImportProblem(name, 0, "cannot read the file: " + e.getMessage()));
            return;
        }
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        long records = 0;
        try (source) {
            List<Pair> chunk = new ArrayList<>(batchSize);
            SourceRecord r;
            while (true) {
                try {
                    r = source.next();
                } catch (UnreadableFileException e) {
                    run.problem(new ImportProblem(name, e.line(), e.getMessage()));
                    break;
                }
                if (r == null) {
                    break;
                }
                records++;
                if (r.pair() == null) {
                    run.problem(new ImportProblem(name, r.line(), r.error()));
                } else {
                    chunk.add(r.pair());
                }
                if (chunk.size() == batchSize) {
                    if (written.isCompletedExceptionally()) {
                        break; // a write failed: awaitWrites reports it
                    }
                    if (run.cancelled.getAsBoolean()) {
                        run.wasCancelled = true;
                        chunk.clear();
                        break;
                    }
                    written = submit(chunk, written, slots, run, pool, writer, in.position(), total, records);
                    chunk = new ArrayList<>(batchSize);
                }
            }
            if (!chunk.isEmpty() && !run.wasCancelled) {
                written = submit(chunk, written, slots, run, pool, writer, in.position(), total, records);
            }
        } catch (IOException e) {
            run.problem(new ImportProblem(name, 0, "cannot read the file: " + e.getMessage()));
        } finally {
            awaitWrites(written);
        }
    }

    private CompletableFuture<Void> submit(
            List<Pair> chunk,
            CompletableFuture<Void> previous,
            Semaphore slots,
            Run run,
            ExecutorService pool,
            ExecutorService writer,
            long position,
            long total,
            long records) {
        slots.acquireUninterruptibly();
        CompletableFuture<List<PairEnricher.Enriched>> enriched =
                CompletableFuture.supplyAsync(() -> enrich(chunk), pool);
        // Chained on the previous write: batches are stored in file order, so ids follow the file.
        CompletableFuture<Void> stored = previous.thenCombineAsync(
                enriched,
                (ignored, rows) -> {
                    AddResult result = store(rows, run.batch);
                    run.added.addAndGet(result.added());
                    run.skipped.addAndGet(result.skipped());
                    run.progress.progress(position, total, records);
                    return null;
                },
                writer);
        stored.whenComplete((v, e) -> slots.release());
        return stored;
    }

    private AddResult store(List<PairEnricher.Enriched> rows, String batch) {
        List<Pair> pairs = rows.stream().map(PairEnricher.Enriched::pair).toList();
        List<PairAnalysis> analyses =
                rows.stream().map(PairEnricher.Enriched::analysis).toList();
        if (duplicates == null) {
            return store.addAll(pairs, analyses, Source.FILE, batch);
        }
        return store.addAll(
                pairs,
                analyses,
                Source.FILE,
                batch,
                (ids, positions) -> duplicates.added(
                        ids,
                        positions.stream().map(pairs::get).toList(),
                        positions.stream()
                                .map(i -> analyses.get(i).fingerprint())
                                .toList()));
    }

    /**
     * How many records the files hold at most, cheaply: lines of JSONL and CSV files (one pass
     * over the bytes); 0 for JSON arrays, whose lines say nothing. Sizes in-memory structures.
     */
    public static long estimatedRecords(List<Path> files, ImportFormat format) {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try {
                ImportFormat f = format == null ? ImportFormat.detect(file) : format;
                if (f != ImportFormat.JSONL && f != ImportFormat.CSV) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        for (int i = 0; i < n; i++) {
                            total += buffer[i] == '\n' ? 1 : 0;
                        }
                    }
                }
                total++;
            } catch (IOException | RuntimeException e) {
                // unreadable: the import reports it; nothing to size for
            }
        }
        return total;
    }

    private List<PairEnricher.Enriched> enrich(List<Pair> chunk) {
        List<PairEnricher.Enriched> out = new ArrayList<>(chunk.size());
        for (Pair p : chunk) {
            PairEnricher.Enriched e = enricher.enrich(p);
            out.add(e == null ? new PairEnricher.Enriched(p, PairAnalysis.NONE) : e);
        }
        return out;
    }

    private static void awaitWrites(CompletableFuture<Void> written) {
        try {
            written.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw stopped(re); // a store failure (disk full, locked): the summary would be a lie
            }
            throw e;
        }
    }

    /**
     * A store that cannot write (a full disk, a read-only file) fails with the database engine's
     * words several causes deep; the user needs the reason and what to do. (How many pairs stayed
     * is not said: a store may lose commits it had not yet written when the disk filled.)
     */
    private static RuntimeException stopped(RuntimeException e) {
        IOException io = ioCause(e, 0);
        if (io == null) {
            return e;
        }
        return new StoreException(
                "Import stopped: the database cannot be written (" + io.getMessage() + "). Once it "
                        + "can (free some space), import the same files again: that adds what is missing and skips what is stored",
                e);
    }

    /** The I/O failure behind a store failure: causes, and for a JDBC batch its next exception. */
    private static IOException ioCause(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return null;
        }
        if (t instanceof IOException io && io.getMessage() != null) {
            return io;
        }
        IOException found = ioCause(t.getCause(), depth + 1);
        if (found == null && t instanceof SQLException sql) {
            found = ioCause(sql.getNextException(), depth + 1);
        }
        return found;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The state of one importFiles call. Problems are only added by the reading thread. */
    private static final class Run {
        final String batch;
        final Path reportDirectory;
        final ProgressListener progress;
        final BooleanSupplier cancelled;
        final AtomicLong added = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final List<ImportProblem> problems = new ArrayList<>();
        long malformed;
        boolean wasCancelled;
        Path reportFile;
        BufferedWriter report;

        Run(String batch, Path reportDirectory, ProgressListener progress, BooleanSupplier cancelled) {
            this.batch = batch;
            this.reportDirectory = reportDirectory;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        void problem(ImportProblem p) {
            malformed++;
            if (problems.size() < PROBLEMS_IN_SUMMARY) {
                problems.add(p);
            }
            if (reportDirectory == null) {
                return;
            }
            try {
                if (report == null) {
                    Files.createDirectories(reportDirectory);
                    reportFile = reportDirectory.resolve(batch + ".report.txt");
                    report = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8);
                }
                report.write(p.toString());
                report.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot write the import report " + reportFile + ": " + e.getMessage(), e);
            }
        }

        void closeReport() {
            if (report != null) {
                try {
                    report.close();
                } catch (IOException ignored) {
                    // the summary still lists the first problems
                }
            }
        }
    }
}
