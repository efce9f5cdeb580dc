package dev.pairstudio.bench;

import dev.pairstudio.cli.Cli;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.ImportFormat;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the areas share: the generated JSONL file, the database imported from it (an H2 file, or
 * with {@code --db} a PostgreSQL database), and the options. Both are made on first use, so that
 * {@code --only stats} still has pairs to measure; with {@code --dir} (or {@code --db}) a file
 * and a database of the right size are reused between runs.
 */
final class Workload implements AutoCloseable {
    final BenchmarkSuite.Options options;
    final HeapWatch heap;
    final PrintStream progress;
    private Database store;
    /** The PostgreSQL database measured instead of an H2 file (--db), null for H2. */
    private final String server;
    /** Seconds the bare Jackson writer took for {@code size} records, once measured. */
    Double jacksonSeconds;
    /** The anonymizer's pairs/s on one core, once measured. */
    Double anonymizerRate;
    /** Seconds generating the JSONL took in this run; null when the file was reused. */
    Double generatedSeconds;

    Workload(BenchmarkSuite.Options options, HeapWatch heap, PrintStream progress) {
        this.options = options;
        this.heap = heap;
        this.progress = progress;
        this.server = ServerDatabase.resolve(options.db());
    }

    int size() {
        return options.size();
    }

    Path dir() {
        return options.dir();
    }

    Path jsonlPath() {
        return dir().resolve("pairs-" + size() + "-seed" + options.seed() + ".jsonl");
    }

    Path databaseFile() {
        return dir().resolve("bench.mv.db");
    }

    /** The synthetic pairs as seed JSONL, written by {@code pairstudio generate} itself (one generator). */
    Path jsonl() {
        Path file = jsonlPath();
        if (Files.isRegularFile(file)) {
            return file;
        }
        progress.printf("generating %,d pairs (seed %d) ...%n", size(), options.seed());
        long t = System.nanoTime();
        var cli = Cli.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(progress, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(progress, StandardCharsets.UTF_8), true));
        int rc = cli.execute(
                "generate",
                "--count",
                String.valueOf(size()),
                "--seed",
                String.valueOf(options.seed()),
                "--output",
                file.toString());
        if (rc != Cli.OK) {
            throw new IllegalStateException("pairstudio generate failed with exit code " + rc);
        }
        generatedSeconds = (System.nanoTime() - t) / 1e9;
        return file;
    }

    /** The store holding the {@code size} imported pairs; imported now (unmeasured) when there is none yet. */
    Database store() {
        if (store != null) {
            return store;
        }
        if (server != null || Files.isRegularFile(databaseFile())) {
            Database existing = open();
            if (existing.count(PairFilter.ALL) == size()) {
                store = existing;
                return store;
            }
            existing.close();
        }
        progress.println("importing (setup, not measured) ...");
        deleteDatabase();
        try (Database fresh = open();
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(fresh)) {
            new PairImporter(fresh, enricher).importFiles(List.of(jsonl()), ImportFormat.JSONL, dir(), null, null);
            new DuplicateTracker(fresh).catchUp();
        }
        store = open();
        return store;
    }

    Database open() {
        return Databases.open(server != null ? server : databaseFile().toString());
    }

    /** The database's size on disk: the H2 file, or PostgreSQL's pg_database_size (tables, indexes, TOAST; not WAL). */
    long databaseBytes() throws IOException {
        return server != null ? ServerDatabase.size(server) : Files.size(databaseFile());
    }

    /** Hands over an open store (the import area's, reopened after its measured close). */
    void adopt(Database opened) {
        closeStore();
        store = opened;
    }

    void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    void deleteDatabase() {
        closeStore();
        if (server != null) {
            ServerDatabase.empty(server);
        }
        try (var files = Files.list(dir())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("bench.") && (name.endsWith(".db") || name.endsWith(".report.txt"))) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A filter on the earliest pairs by timestamp that matches about {@code n} of them: the
     * timestamp of the first pair after them is found with one {@code pageStarts} pass.
     */
    PairFilter earliest(long n) {
        PairSort byTime = new PairSort(SortColumn.TIMESTAMP, false);
        List<String> starts = store().pageStarts(PairFilter.ALL, byTime, (int) Math.min(Integer.MAX_VALUE, n));
        if (starts.size() < 2) {
            return PairFilter.ALL;
        }
        Instant cut = store().query(PairFilter.ALL, byTime, starts.get(1), 1)
                .rows()
                .get(0)
                .pair()
                .timestamp();
        return PairFilter.ALL.withDates(null, cut);
    }

    @Override
    public void close() {
        closeStore();
    }
}
