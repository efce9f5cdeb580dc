package dev.pairstudio.store;

/** Columns the pairs can be sorted by; every sort ends with the store id so that the order is total. */
public enum SortColumn {
    ID,
    TIMESTAMP,
    QUESTION,
    SQL,
    DATABASE_TYPE,
    DATABASE_NAME,
    QUERY_TYPE,
    TABLES,
    SUCCESS,
    EXECUTION_TIME,
    STATUS,
    COMPLEXITY,
    FLAGS,
    UPDATED
}
