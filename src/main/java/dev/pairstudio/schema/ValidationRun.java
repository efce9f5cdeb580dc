package dev.pairstudio.schema;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.store.ValidationResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Validates the stored pairs that match a filter against the newest schema of their database,
 * on {@code threads} threads, page by page (keyset, so writes in between do not disturb it), and
 * stores each page's results through the store's write path: an open window sees them at once.
 * Pairs of a database without a schema are counted, not touched. Whole pages are kept on cancel.
 */
public final class ValidationRun {
    private static final int PAGE = 2_000;

    private ValidationRun() {}

    public static ValidationSummary run(
            Database store,
            SqlAnalyzer analyzer,
            PairFilter filter,
            int threads,
            LongConsumer progress,
            BooleanSupplier cancelled) {
        return run(store, analyzer, filter, null, threads, Map.of(), progress, cancelled);
    }

    /**
     * @param afterCursor an {@link PairSort#INSERTION} cursor to start after ({@link PairReader#cursorAfterId}:
     *                    what an import just added), null for all matching pairs
     * @param live        live connections by database name ({@link LiveExplain}): "does not run" is checked there
     */
    public static ValidationSummary run(
            Database store,
            SqlAnalyzer analyzer,
            PairFilter filter,
            String afterCursor,
            int threads,
            Map<String, LiveExplain> live,
            LongConsumer progress,
            BooleanSupplier cancelled) {
        Map<String, LoadedSchema> schemas = new HashMap<>();
        for (StoredSchema s : store.latestSchemas()) {
            schemas.put(s.databaseName(), LoadedSchema.of(s));
        }
        ReadOnlyDatabases readOnly = ReadOnlyDatabases.load(store);
        Map<String, Long> withoutSchema = new TreeMap<>();
        Map<QualityFlag, Long> flagged = new EnumMap<>(QualityFlag.class);
        long validated = 0;
        long clean = 0;
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "validation");
            t.setDaemon(true);
            return t;
        });
        // one page is stored while the next is validated: the write path is a single writer anyway
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "validation-writer");
            t.setDaemon(true);
            return t;
        });
        Future<?> pendingWrite = null;
        try (PairValidator validator = new PairValidator(analyzer, readOnly, 2_000, live)) {
            String cursor = afterCursor;
            do {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                Page page = store.query(filter, PairSort.INSERTION, cursor, PAGE);
                cursor = page.nextCursor();
                List<StoredPair> todo = new ArrayList<>();
                for (StoredPair p : page.rows()) {
                    String db = p.pair().databaseName();
                    if (db != null && schemas.containsKey(db)) {
                        todo.add(p);
                    } else {
                        withoutSchema.merge(db == null ? "(no database name)" : db, 1L, Long::sum);
                    }
                }
                List<ValidationResult> results = validate(todo, schemas, validator, pool, workers);
                join(pendingWrite);
                pendingWrite = writer.submit(() -> store.saveValidations(results));
                for (ValidationResult r : results) {
                    for (QualityFlag f : QualityFlag.values()) {
                        if ((r.flags() & f.bit()) != 0) {
                            flagged.merge(f, 1L, Long::sum);
                        }
                    }
                    clean += r.flags() == 0 ? 1 : 0;
                }
                validated += results.size();
                progress.accept(validated);
            } while (cursor != null);
            join(pendingWrite);
        } finally {
            pool.shutdownNow();
            writer.shutdown(); // a write in progress completes: whole pages are kept
        }
        return new ValidationSummary(validated, withoutSchema, flagged, clean);
    }

    /** The largest store id of a live pair (0 when none): before an import, so that {@link #runAdded} checks only what it added. */
    public static long lastStoredId(Database store) {
        Page newest = store.query(PairFilter.ALL, new PairSort(SortColumn.ID, true), null, 1);
        return newest.rows().isEmpty() ? 0 : newest.rows().get(0).id();
    }

    /** Validates the pairs stored after {@code lastIdBefore} when any schema is stored; otherwise does nothing. */
    public static ValidationSummary runAdded(
            Database store,
            SqlAnalyzer analyzer,
            long lastIdBefore,
            int threads,
            LongConsumer progress,
            BooleanSupplier cancelled) {
        if (store.latestSchemas().isEmpty()) {
            return new ValidationSummary(0, Map.of(), Map.of(), 0);
        }
        return run(
                store,
                analyzer,
                PairFilter.ALL,
                PairReader.cursorAfterId(lastIdBefore),
                threads,
                Map.of(),
                progress,
                cancelled);
    }

    /**
     * Validates the pairs that have no validation against their database's newest schema
     * ({@link Database#unvalidated}): those imported before the schema or with validation skipped.
     * What the window does when it opens a database. Whole batches are kept on cancel.
     *
     * @return the number of pairs validated
     */
    public static long runPending(
            Database store, SqlAnalyzer analyzer, int threads, LongConsumer progress, BooleanSupplier cancelled) {
        List<StoredSchema> stored = store.latestSchemas();
        if (stored.isEmpty()) {
            return 0;
        }
        Map<String, LoadedSchema> schemas = new HashMap<>();
        for (StoredSchema s : stored) {
            schemas.put(s.databaseName(), LoadedSchema.of(s));
        }
        ReadOnlyDatabases readOnly = ReadOnlyDatabases.load(store);
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pending-validation");
            t.setDaemon(true);
            return t;
        });
        long done = 0;
        try (PairValidator validator = new PairValidator(analyzer, readOnly, 2_000)) {
            long after = 0;
            while (!cancelled.getAsBoolean()) {
                List<StoredPair> batch = store.unvalidated(after, PAGE);
                if (batch.isEmpty()) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
                // a schema stored after this run began is not in the map: leave its pairs to the import that stored it
                List<StoredPair> todo = batch.stream()
                        .filter(p -> schemas.containsKey(p.pair().databaseName()))
                        .toList();
                List<ValidationResult> results = validate(todo, schemas, validator, pool, workers);
                store.saveValidations(results);
                done += results.size();
                progress.accept(done);
            }
        } finally {
            pool.shutdownNow();
        }
        return done;
    }

    /** Validates some pairs now (after an edit, say) and stores the results; pairs without a schema are left alone. */
    public static int validateNow(Database store, SqlAnalyzer analyzer, List<StoredPair> pairs) {
        Map<String, LoadedSchema> schemas = new HashMap<>();
        for (StoredSchema s : store.latestSchemas()) {
            schemas.put(s.databaseName(), LoadedSchema.of(s));
        }
        ReadOnlyDatabases readOnly = ReadOnlyDatabases.load(store);
        List<ValidationResult> results = new ArrayList<>();
        try (PairValidator validator = new PairValidator(analyzer, readOnly, 2_000)) {
            for (StoredPair p : pairs) {
                LoadedSchema schema = schemas.get(p.pair().databaseName());
                if (schema != null) {
                    results.add(result(p, validator.validate(p.pair(), schema)));
                }
            }
        }
        store.saveValidations(results);
        return results.size();
    }

    private static List<ValidationResult> validate(
            List<StoredPair> pairs,
            Map<String, LoadedSchema> schemas,
            PairValidator validator,
            ExecutorService pool,
            int workers) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        int slice = (pairs.size() + workers - 1) / workers;
        List<Future<List<ValidationResult>>> parts = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += slice) {
            List<StoredPair> part = pairs.subList(from, Math.min(pairs.size(), from + slice));
            parts.add(pool.submit(() -> part.stream()
                    .map(p -> result(
                            p, validator.validate(p.pair(), schemas.get(p.pair().databaseName()))))
                    .toList()));
        }
        List<ValidationResult> out = new ArrayList<>(pairs.size());
        for (Future<List<ValidationResult>> part : parts) {
            out.addAll(join(part));
        }
        return out;
    }

    private static <T> T join(Future<T> f) {
        if (f == null) {
            return null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Validation was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static ValidationResult result(StoredPair p, Validation v) {
        return new ValidationResult(
                p.id(),
                v.schemaId(),
                v.flagBits(),
                v.messages().isEmpty() ? null : ValidationMessages.write(v.messages()));
    }
}
