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
            default: return f.name();
        }
    }
}
