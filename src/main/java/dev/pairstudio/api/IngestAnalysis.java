package dev.pairstudio.api;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.AnonymizedPair;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Replacement;
import dev.pairstudio.sql.QualitySignals;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlAnalyzer;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a collected pair goes through before it is stored, on the request thread: a fresh
 * pair_id and timestamp, the SQL analysis (tables, query type, fingerprint, complexity,
 * quality flags) and the privacy scan (PII types; with anonymize-on-ingest, the anonymized
 * text replaces the original).
 *
 * <p>The import side ({@code io.PairEnricher} on the {@code store} branch) will own this step
 * for files; once it is on main, this class becomes an adapter to it so that both paths analyse
 * alike.
 */
final class IngestAnalysis {
    private final SqlAnalyzer analyzer;
    private final Anonymizer anonymizer;
    private final boolean anonymizeOnIngest;

    IngestAnalysis(SqlAnalyzer analyzer, Anonymizer anonymizer, boolean anonymizeOnIngest) {
        this.analyzer = analyzer;
        this.anonymizer = anonymizer;
        this.anonymizeOnIngest = anonymizeOnIngest;
    }

    record Prepared(Pair pair, PairAnalysis analysis) {
    }

    /** @throws AnonymizationException only with anonymize-on-ingest, when the pair cannot be anonymized */
    Prepared prepare(PairRequests.Draft d) {
        Pair pair = new Pair(UUID.randomUUID().toString(), d.question(), d.sql(), Timestamps.now(), d.databaseType(),
                d.databaseName(), java.util.List.of(), d.success(), d.executionTimeMs(), d.metadata());
        Set<String> pii = new TreeSet<>();
        try {
            AnonymizedPair a = anonymizer.anonymize(pair);
            for (Replacement r : a.findings()) {
                pii.add(r.type().label());
            }
            if (anonymizeOnIngest) {
                pair = a.applyTo(pair);
                pii.clear(); // what is stored holds surrogates, not personal data
            }
        } catch (AnonymizationException e) {
            if (anonymizeOnIngest) {
                throw e;
            }
            // detection only: the pair is kept, its PII types stay unknown
        }
        SqlAnalysis s = analyzer.analyze(pair.sql(), pair.databaseType());
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        flags.addAll(QualitySignals.flags(s, pair.question()));
        if (!pair.success()) {
            flags.add(QualityFlag.FAILED_EXECUTION);
        }
        if (!pii.isEmpty()) {
            flags.add(QualityFlag.CONTAINS_PII);
        }
        ComplexityLevel level = s.complexity() == null ? null : s.complexity().level();
        PairAnalysis analysis = new PairAnalysis(s.type(), s.fingerprint(), level, flags, null, pii, s.parseError());
        return new Prepared(pair.withTableNames(s.tables()), analysis);
    }
}
