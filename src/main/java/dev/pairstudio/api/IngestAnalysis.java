package dev.pairstudio.api;

import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import java.util.List;
import java.util.UUID;

/**
 * What a collected pair goes through before it is stored, on the request thread: a fresh
 * pair_id and insert timestamp (as the seed), optionally anonymization (anonymize on ingest),
 * then the same enrichment as an import ({@link PairEnricher}, in practice
 * {@code io.AnalyzingEnricher}: tables, query type, fingerprint, complexity, quality flags, PII
 * types).
 */
final class IngestAnalysis {
    private final PairEnricher enricher;
    private final Anonymizer anonymizer;

    /** @param anonymizer null keeps the original text; otherwise the database's anonymizer, applied before storing */
    IngestAnalysis(PairEnricher enricher, Anonymizer anonymizer) {
        this.enricher = enricher;
        this.anonymizer = anonymizer;
    }

    /**
     * @param analyse false stores the pair unanalysed, for the background analysis
     * @throws AnonymizationException only with anonymize-on-ingest, when the pair cannot be anonymized
     */
    PairEnricher.Enriched prepare(PairRequests.Draft d, boolean analyse) {
        Pair pair = new Pair(
                UUID.randomUUID().toString(),
                d.question(),
                d.sql(),
                Timestamps.now(),
                d.databaseType(),
                d.databaseName(),
                List.of(),
                d.success(),
                d.executionTimeMs(),
                d.metadata());
        if (anonymizer != null) {
            pair = anonymizer.anonymize(pair).applyTo(pair);
        }
        return analyse ? enricher.enrich(pair) : new PairEnricher.Enriched(pair, PairAnalysis.NONE);
    }
}
