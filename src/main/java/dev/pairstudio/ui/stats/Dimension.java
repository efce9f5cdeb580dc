package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.ui.filter.FilterViewModel;
import java.time.LocalDate;

/** A filter field a chart's bars or slices stand for, and how a drill-down narrows it to one value. */
public enum Dimension {
    QUERY_TYPE("Type"),
    DATABASE_TYPE("DB type"),
    COMPLEXITY("Complexity"),
    REVIEW_STATUS("Status"),
    TABLE("Table"),
    PII_TYPE("PII"),
    DAY("Day"),
    /** Not a filter field (length histograms): not drillable. */
    NONE("");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    /** What a breadcrumb says for a drill-down to {@code shown}. */
    public String crumb(String shown) {
        return label + ": " + shown;
    }

    public boolean drillable() {
        return this != NONE;
    }

    /** Replaces this field of {@code filters} by the single value {@code key}; call inside {@link FilterViewModel#batch}. */
    void narrow(FilterViewModel filters, String key) {
        switch (this) {
            case QUERY_TYPE -> {
                filters.queryTypes.clear();
                filters.queryTypes.add(QueryType.valueOf(key));
            }
            case DATABASE_TYPE -> {
                filters.databaseTypes.clear();
                filters.databaseTypes.add(key);
            }
            case COMPLEXITY -> {
                filters.complexity.clear();
                filters.complexity.add(ComplexityLevel.valueOf(key));
            }
            case REVIEW_STATUS -> {
                filters.statuses.clear();
                filters.statuses.add(ReviewStatus.valueOf(key));
            }
            case TABLE -> {
                filters.tables.clear();
                filters.tables.add(key);
            }
            case PII_TYPE -> {
                filters.piiTypes.clear();
                filters.piiTypes.add(key);
            }
            case DAY -> {
                LocalDate day = LocalDate.parse(key);
                filters.from.set(day);
                filters.to.set(day);
            }
            case NONE -> throw new IllegalStateException("not a filter field");
        }
    }
}
