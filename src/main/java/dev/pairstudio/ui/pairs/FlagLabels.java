package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.QualityFlag;

/** Short and long names of quality flags, one place for the table, the filter and the detail pane. */
public final class FlagLabels {
    private FlagLabels() {
    }

    public static String shortLabel(QualityFlag f) {
        switch (f) {
            case UNPARSEABLE: return "unparseable";
            case FAILED_EXECUTION: return "failed";
            case DUPLICATE: return "dup";
            case CONFLICT: return "conflict";
            case NEAR_DUPLICATE: return "near-dup";
            case CONTAINS_PII: return "PII";
            case SHORT_QUESTION: return "short";
            case TYPE_MISMATCH: return "type?";
            case UNKNOWN_TABLE: return "no table";
            case UNKNOWN_COLUMN: return "no column";
            case AMBIGUOUS_COLUMN: return "ambiguous";
            case DOES_NOT_RUN: return "won't run";
            case WRITE_STATEMENT: return "writes";
            case NON_DETERMINISTIC: return "nondet?";
            case LITERAL_NOT_IN_QUESTION: return "literal?";
            case QUESTION_VALUE_NOT_IN_SQL: return "value?";
            default: return f.name();
        }
    }

    public static String longLabel(QualityFlag f) {
        switch (f) {
            case UNPARSEABLE: return "SQL does not parse";
            case FAILED_EXECUTION: return "Execution failed";
            case DUPLICATE: return "Exact duplicate";
            case CONFLICT: return "Conflict (same question, other SQL)";
            case NEAR_DUPLICATE: return "Near-duplicate question";
            case CONTAINS_PII: return "Contains personal data";
            case SHORT_QUESTION: return "Question under 10 characters";
            case TYPE_MISMATCH: return "Statement type contradicts question";
            case UNKNOWN_TABLE: return "Table not in the schema";
            case UNKNOWN_COLUMN: return "Column not in the schema";
            case AMBIGUOUS_COLUMN: return "Ambiguous column";
            case DOES_NOT_RUN: return "Does not run against the schema";
            case WRITE_STATEMENT: return "Writes in a read-only dataset";
            case NON_DETERMINISTIC: return "LIMIT without ORDER BY";
            case LITERAL_NOT_IN_QUESTION: return "SQL value not in the question";
            case QUESTION_VALUE_NOT_IN_SQL: return "Question value not in the SQL";
            default: return f.name();
        }
    }
}
