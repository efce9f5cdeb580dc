package dev.pairstudio.ingest;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Analyses the stored pairs that have none yet, in id order: an import stores pairs first (at
 * the store's speed) and this fills in type, tables, flags and PII findings afterwards, on every
 * core, while the pairs are already visible. Run duplicate grouping after it: it needs the
 * fingerprints.
 */
public final class PendingAnalysis {
    private static final int BATCH = 4_000;

    private PendingAnalysis() {}

    /**
     * Works until no unanalysed pair is left or {@code cancelled} says stop (whole batches are
     * kept); reports the running count after each batch. Returns how many pairs were analysed.
     */
    public static long run(
            Database store, PairEnricher enricher, int threads, LongConsumer progress, BooleanSupplier cancelled) {
        return run(store, enricher, threads, 0, progress, cancelled);
    }

    /** As {@link #run(Database, PairEnricher, int, LongConsumer, BooleanSupplier)}, for the pairs with ids above {@code afterId} only. */
    public static long run(
            Database store,
            PairEnricher enricher,
            int threads,
            long afterId,
            LongConsumer progress,
            BooleanSupplier cancelled) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "pending-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            long done = 0;
            long after = afterId;
            while (!cancelled.getAsBoolean()) {
                List<StoredPair> batch = store.unanalysed(after, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                store.reanalysed(analyse(batch, enricher, pool, threads));
                after = batch.get(batch.size() - 1).id();
                done += batch.size();
                progress.accept(done);
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Long, Database.Analysed> analyse(
            List<StoredPair> batch, PairEnricher enricher, ExecutorService pool, int threads) {
        int slice = (batch.size() + threads - 1) / threads;
        List<Future<List<PairEnricher.Enriched>>> parts = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += slice) {
            List<StoredPair> part = batch.subList(from, Math.min(batch.size(), from + slice));
            parts.add(pool.submit(
                    () -> part.stream().map(p -> enricher.enrich(p.pair())).toList()));
        }
        Map<Long, Database.Analysed> out = new LinkedHashMap<>();
        int i = 0;
        for (Future<List<PairEnricher.Enriched>> part : parts) {
            for (PairEnricher.Enriched e : join(part)) {
                out.put(batch.get(i++).id(), new Database.Analysed(e.pair().tableNames(), e.analysis()));
            }
        }
        return out;
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Analysis was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
