package dev.pairstudio.ingest;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;

/**
 * Derives what the store keeps beside a pair (tables, query type, flags, PII types) on the way
 * in. Runs on worker threads between reading and writing, so it must be thread-safe. The SQL
 * analyser and the privacy engine plug in here.
 */
@FunctionalInterface
public interface PairEnricher {

    /** Stores pairs as read: no analysis. */
    PairEnricher NONE = p -> new Enriched(p, PairAnalysis.NONE);

    Enriched enrich(Pair pair);

    /**
     * @param pair     the pair to store, typically with analysed table names
     * @param analysis what was derived, {@link PairAnalysis#NONE} when nothing
     */
    record Enriched(Pair pair, PairAnalysis analysis) {}
}
