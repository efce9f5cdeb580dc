package dev.pairstudio.store;

import java.util.List;

/**
 * What adding a batch did.
 *
 * @param ids     store ids of the added pairs, in input order
 * @param skipped pairs whose pair_id was already stored (imports are idempotent)
 */
public record AddResult(List<Long> ids, int skipped) {
    public int added() {
        return ids.size();
    }
}
