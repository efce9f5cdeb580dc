package dev.pairstudio.schema;

/** {@code column} of the declaring table references {@code referencedTable.referencedColumn}. */
public record ForeignKey(String column, String referencedTable, String referencedColumn) {}
