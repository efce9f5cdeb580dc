package dev.pairstudio.export;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.schema.SchemaContext;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StoredPair;

/**
 * One pair as it goes into a file: the seed's record (anonymized when the policy is on) and the
 * computed query type (the analysed one, or the seed's prefix rule for pairs not analysed yet).
 *
 * @param schema the CREATE TABLE statements of the tables the SQL uses, from its database's stored
 *               schema (issue 15); null when there is none. Table and column names are kept by
 *               the privacy policy, so this is the same anonymized or not.
 * @param sourceDatabase the pair's database name before anonymization: which stored schema a
 *               schema file beside the data writes under the exported name
 */
public record ExportRecord(Pair pair, QueryType queryType, String schema, String sourceDatabase) {
    public ExportRecord(Pair pair, QueryType queryType) {
        this(pair, queryType, null, pair.databaseName());
    }

    public ExportRecord(Pair pair, QueryType queryType, String schema) {
        this(pair, queryType, schema, pair.databaseName());
    }

    /**
     * What a stored pair becomes in an export: anonymized when asked, with its statement type.
     *
     * @param anonymizer null: the pair as stored
     * @param schemas the CREATE TABLE context by the pair's original database name (before anonymization); null: none
     */
    static ExportRecord of(StoredPair p, Anonymizer anonymizer, SchemaContext schemas) {
        Pair pair = p.pair();
        String source = pair.databaseName();
        String schema = schemas == null ? null : schemas.createTables(pair.databaseName(), pair.tableNames());
        QueryType type = p.analysis().queryType() != null ? p.analysis().queryType() : StatGroup.guessType(pair.sql());
        if (anonymizer != null) {
            try {
                pair = anonymizer.anonymize(pair).applyTo(pair);
            } catch (AnonymizationException e) {
                throw new AnonymizationException("pair " + pair.pairId(), e);
            }
        }
        return new ExportRecord(pair, type, schema, source);
    }
}
