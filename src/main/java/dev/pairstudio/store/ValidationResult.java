package dev.pairstudio.store;

import dev.pairstudio.pair.QualityFlag;

/**
 * The latest validation of one pair against a schema version.
 *
 * @param pairId   the pair's store id
 * @param schemaId the {@link StoredSchema#id()} it was checked with
 * @param flags    the quality flags it found, as bits ({@code QualityFlag.bit()})
 * @param messages what each flag points at, as JSON (the schema package reads and writes it)
 */
public record ValidationResult(long pairId, long schemaId, long flags, String messages) {
    /** The flags validation owns: analysis never stores them, validation stores only them. */
    public static final long FLAGS = bits(
            QualityFlag.UNKNOWN_TABLE,
            QualityFlag.UNKNOWN_COLUMN,
            QualityFlag.AMBIGUOUS_COLUMN,
            QualityFlag.DOES_NOT_RUN,
            QualityFlag.WRITE_STATEMENT,
            QualityFlag.NON_DETERMINISTIC,
            QualityFlag.LITERAL_NOT_IN_QUESTION,
            QualityFlag.QUESTION_VALUE_NOT_IN_SQL);

    private static long bits(QualityFlag... flags) {
        long bits = 0;
        for (QualityFlag f : flags) {
            bits |= f.bit();
        }
        return bits;
    }
}
