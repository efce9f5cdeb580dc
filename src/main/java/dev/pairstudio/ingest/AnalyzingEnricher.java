package dev.pairstudio.ingest;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Field;
import dev.pairstudio.privacy.PiiType;
import dev.pairstudio.privacy.Replacement;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.sql.QualitySignals;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.AddResult;
import dev.pairstudio.store.Database;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What every stored pair gets on import, on collection and after an edit: the SQL analysis
 * (type, tables, fingerprint, complexity, per-pair quality flags) and the privacy findings
 * (which PII types occur in the question or in SQL literals). Duplicate flags need the other
 * pairs and are set by {@link DuplicateTracker}. Thread-safe.
 */
public final class AnalyzingEnricher implements PairEnricher, AutoCloseable {
    private final SqlAnalyzer analyzer;
    private final Supplier<Anonymizer> anonymizer;

    /** @param anonymizer the database's policy; only its detection is used here */
    public AnalyzingEnricher(SqlAnalyzer analyzer, Anonymizer anonymizer) {
        this(analyzer, () -> anonymizer);
    }

    /**
     * @param anonymizer the database's policy as it is now, asked for each pair: a window's lists
     *                   change while it is open, and edits and catch-up analysis must use the new ones
     */
    public AnalyzingEnricher(SqlAnalyzer analyzer, Supplier<Anonymizer> anonymizer) {
        this.analyzer = analyzer;
        this.anonymizer = anonymizer;
    }

    /** The enricher for one database: its privacy policy and secret, and an analyser of its own. */
    public static AnalyzingEnricher forStore(Database store) {
        return new AnalyzingEnricher(new SqlAnalyzer(), PrivacySettings.anonymizer(store));
    }

    /** Analyses the pairs and stores them with their analysis in one batch (demo data, tests, small adds). */
    public AddResult addAll(Database store, List<Pair> pairs, Source source, String batch) {
        List<Enriched> e = pairs.stream().map(this::enrich).toList();
        return store.addAll(
                e.stream().map(Enriched::pair).toList(),
                e.stream().map(Enriched::analysis).toList(),
                source,
                batch);
    }

    @Override
    public void close() {
        analyzer.close();
    }

    @Override
    public Enriched enrich(Pair pair) {
        SqlAnalysis sql = analyzer.analyze(pair.sql(), pair.databaseType());
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        flags.addAll(QualitySignals.flags(sql, pair.question()));
        if (!pair.success()) {
            flags.add(QualityFlag.FAILED_EXECUTION);
        }
        Set<String> pii = piiTypes(pair);
        if (!pii.isEmpty()) {
            flags.add(QualityFlag.CONTAINS_PII);
        }
        PairAnalysis analysis = new PairAnalysis(
                sql.type(), sql.fingerprint(), sql.complexity().level(), flags, null, pii, sql.parseError());
        return new Enriched(pair.withTableNames(sql.tables()), analysis);
    }

    /**
     * Types found in the question and the SQL literals. The database name is left out: it is
     * anonymized on export by policy, but naming a database is not personal data.
     */
    private Set<String> piiTypes(Pair pair) {
        Set<String> types = new TreeSet<>();
        try {
            for (Replacement r : anonymizer
                    .get()
                    .anonymizePair(pair.question(), pair.sql(), pair.databaseType(), null)
                    .findings()) {
                if (r.field() != Field.DATABASE_NAME && !r.type().equals(PiiType.DB_NAME)) {
                    types.add(r.type().label());
                }
            }
        } catch (AnonymizationException e) {
            // A custom rule ran out of time: flag the pair rather than call it clean.
            types.add("UNCHECKED");
        }
        return types;
    }
}
