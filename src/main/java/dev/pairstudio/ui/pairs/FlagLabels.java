package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.QualityFlag;

/** Short and long names of quality flags, one place for the table, the filter and the detail pane. */
public final class FlagLabels {
    private FlagLabels() {}

    public static String shortLabel(QualityFlag f) {
        switch (f) {
            case UNPARSEABLE:
                return "unparseable";
            case FAILED_EXECUTION:
                return "failed";
            case DUPLICATE:
                return "dup";
            case CONFLICT:
                return "conflict";
            case NEAR_DUPLICATE:
                return "near-dup";
            case CONTAINS_PII:
                return "PII";
            case SHORT_QUESTION:
                return "short";
            case TYPE_MISMATCH:
                return "type?";
            case UNKNOWN_TABLE:
                return "no table";
            case UNKNOWN_COLUMN:
                return "no column";
            case AMBIGUOUS_COLUMN:
                return "ambiguous";
            case DOES_NOT_RUN:
                return "won't run";
            case WRITE_STATEMENT:
                return "writes";
            case NON_DETERMINISTIC:
                return "nondet?";
            case LITERAL_NOT_IN_QUESTION:
                return "literal?";
            case QUESTION_VALUE_NOT_IN_SQL:
                return "value?";
            default:
                return f.name();
        }
    }

    public static String longLabel(QualityFlag f) {
        return f.label();
    }
}
