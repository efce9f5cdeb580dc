package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Analyses.DuplicateMark;
import dev.pairstudio.store.Analyses.GroupMerge;
import java.util.List;

/** Adding pairs: imports, the collector and demo data write through here. */
public interface PairIntake {
    /**
     * Adds the pairs in one transaction. A pair whose pair_id is already stored (live or in the
     * trash) is skipped and counted. {@code analyses}, when not null, holds one entry per pair
     * (same order) to store with it; otherwise the pairs are stored unanalysed.
     */
    AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch);

    /**
     * {@link #addAll} with the duplicate grouping of the added pairs in the same transaction, so
     * that an import writes each analysis row once, group included. Once the new ids are known,
     * {@code grouping} is handed them with each one's position in {@code pairs}; the marks it
     * returns for the added pairs go into their analysis rows, its other marks and merges are
     * written as {@link Analyses#markDuplicates} writes them. {@code analyses} must not be null.
     */
    AddResult addAll(
            List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping);

    /** Groups pairs being added; called inside the adding transaction, by the writing thread. */
    @FunctionalInterface
    interface Grouping {
        /**
         * @param ids       the store ids of the added pairs, in id order
         * @param positions per id, the pair's position in the list being added
         */
        Duplicates group(List<Long> ids, List<Integer> positions);
    }

    /** Duplicate marks (of any pairs, new or earlier) and group merges to write, in order. */
    record Duplicates(List<DuplicateMark> marks, List<GroupMerge> merges) {}
}
