package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.Map;

/**
 * What a validation run did.
 *
 * @param validated     pairs checked against their database's schema
 * @param withoutSchema pairs whose database has no schema (not checked), by database name
 * @param flagged       pairs carrying each flag
 * @param clean         validated pairs with no flag at all
 */
public record ValidationSummary(
        long validated, Map<String, Long> withoutSchema, Map<QualityFlag, Long> flagged, long clean) {}
