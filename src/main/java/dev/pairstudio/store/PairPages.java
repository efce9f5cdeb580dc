package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import java.util.List;

/** Pairs a page at a time, as a table shows them: how many match, one page by keyset, where each page starts. */
public interface PairPages {
    long count(PairFilter filter);

    /** Up to {@code limit} rows after {@code afterCursor} (null: from the start), by keyset, never OFFSET. */
    Page query(PairFilter filter, PairSort sort, String afterCursor, int limit);

    /**
     * The cursors at which each page of {@code pageSize} rows starts (the first is null), so that
     * a table can jump to any row without OFFSET scans. One pass over an index.
     */
    List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize);
}
