package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.index.IndexFilter;
import dev.pairstudio.store.index.TextMatches;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@link PairFilter} decided on a row read from the table, with the same meaning as
 * {@link IndexFilter} on the index: a stream in insertion order reads the table by primary key
 * and filters as it goes, without the index (constant memory, nothing to build first).
 */
final class RowFilter {
    private final PairFilter filter;
    private final String phrase;
    private final Pattern regex;
    private final boolean dimensions;

    RowFilter(PairFilter filter) {
        this.filter = filter;
        boolean hasText = filter.text() != null;
        if (hasText && filter.textIsRegex()) {
            TextMatches.checkRegex(filter.text());
        }
        this.phrase = hasText && !filter.textIsRegex() ? filter.text().toLowerCase(Locale.ROOT) : null;
        this.regex = hasText && filter.textIsRegex() ? Pattern.compile(filter.text()) : null;
        this.dimensions = StatGroup.narrows(filter);
    }

    boolean test(StoredPair p) {
        PairFilter f = filter;
        if (p.inTrash() != f.trash()) {
            return false;
        }
        if (f.from() != null && p.pair().timestamp().isBefore(f.from())
                || f.to() != null && !p.pair().timestamp().isBefore(f.to())) {
            return false;
        }
        if (f.changedSince() != null && p.updatedAt().isBefore(f.changedSince())) {
            return false;
        }
        if (f.duplicateGroup() != null
                && !f.duplicateGroup().equals(p.analysis().duplicateGroup())) {
            return false;
        }
        if (!f.ids().isEmpty() && !f.ids().contains(p.id())) {
            return false;
        }
        if (phrase != null
                && !p.pair().question().toLowerCase(Locale.ROOT).contains(phrase)
                && !p.pair().sql().toLowerCase(Locale.ROOT).contains(phrase)) {
            return false;
        }
        if (regex != null
                && !regex.matcher(p.pair().question()).find()
                && !regex.matcher(p.pair().sql()).find()) {
            return false;
        }
        return !dimensions || group(p).matches(f); // most exports filter on no dimension: skip building the group
    }

    /** The row's dimensions as the index groups them (the statement type does not take part in filtering). */
    static StatGroup group(StoredPair p) {
        return new StatGroup(
                p.pair().databaseType(),
                p.pair().databaseName(),
                p.pair().success(),
                p.analysis().queryType(),
                p.analysis().queryType(),
                p.status(),
                p.analysis().complexity(),
                p.analysis().flagBits(),
                p.analysis().piiTypes(),
                p.pair().tableNames());
    }
}
