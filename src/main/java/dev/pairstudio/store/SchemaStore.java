package dev.pairstudio.store;

import java.util.List;
import java.util.Optional;

/** Stored database schemas (versioned) and the validation of pairs against them (issue 15). */
public interface SchemaStore {
    /**
     * Stores a new version of {@code databaseName}'s schema (the previous version + 1, or 1);
     * earlier versions stay, so that a pair's validation still names the one it used.
     *
     * @param definition the schema as JSON (dev.pairstudio.schema.SchemaJson)
     */
    StoredSchema saveSchema(String databaseName, String source, String definition);

    /** The newest version of each database's schema, by database name. */
    List<StoredSchema> latestSchemas();

    /** One stored schema version by its id (what a validation names). */
    Optional<StoredSchema> schema(long id);

    /** How many pairs hold a validation against some version of {@code databaseName}'s schema (what deleting it clears). */
    long validationsAgainst(String databaseName);

    /**
     * Deletes every version of {@code databaseName}'s schema and the validations made against them,
     * in one transaction: the pairs lose their schema flags (filters and statistics follow) and are
     * checked again once a schema for that name is imported. Pairs themselves are not touched.
     *
     * @return how many pairs lost their validation
     */
    long deleteSchema(String databaseName);

    /**
     * Stores validation results, replacing each pair's previous one; a pair no longer stored is
     * skipped. Open windows see the flags like analysis flags (filters, table, statistics).
     */
    void saveValidations(List<ValidationResult> results);

    /** A pair's latest validation: schema version, flags and messages. */
    Optional<ValidationResult> validation(long pairId);

    /**
     * Live pairs (not in the trash) after {@code afterId}, in id order, whose database has a stored
     * schema and that have no validation yet or one against an older version of that schema: pairs
     * imported before their schema, or while validation was skipped.
     */
    List<StoredPair> unvalidated(long afterId, int limit);
}
