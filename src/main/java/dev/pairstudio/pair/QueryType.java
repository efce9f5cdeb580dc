package dev.pairstudio.pair;

/** The seed's statement categories plus MERGE (SEED-CONTRACT.md §6). */
public enum QueryType {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    MERGE,
    CREATE,
    ALTER,
    DROP,
    OTHER
}
