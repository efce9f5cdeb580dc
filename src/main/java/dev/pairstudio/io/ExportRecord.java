package dev.pairstudio.io;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QueryType;

/**
 * One pair as it goes into a file: the seed's record (anonymized when the policy is on) and the
 * computed query type (the analysed one, or the seed's prefix rule for pairs not analysed yet).
 */
public record ExportRecord(Pair pair, QueryType queryType) {
}
