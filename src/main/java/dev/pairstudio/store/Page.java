package dev.pairstudio.store;

import java.util.List;

/**
 * One page of a keyset-paged query.
 *
 * @param nextCursor opaque position after the last row, null on the last page; pass it as {@code after}
 */
public record Page(List<StoredPair> rows, String nextCursor) {
    public Page {
        rows = List.copyOf(rows);
    }
}
