package dev.pairstudio.export;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QueryType;

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
}
