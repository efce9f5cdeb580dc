package dev.pairstudio.store;

import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What is derived from a pair's text and stored beside it: its analysis and its duplicate group. */
public interface Analyses {
    /** Stores derived analysis for many pairs at once (background analysis, re-analysis after edits). */
    void updateAnalyses(Map<Long, PairAnalysis> analyses);

    /**
     * Stores a fresh analysis of one pair after its text changed: table names and every analysis
     * column except the duplicate group and duplicate flags, which {@link #markDuplicates} owns.
     */
    default void reanalysed(long id, List<String> tableNames, PairAnalysis analysis) {
        reanalysed(Map.of(id, new Analysed(tableNames, analysis)));
    }

    /** {@link #reanalysed(long, List, PairAnalysis)} for many pairs in one transaction (background analysis). */
    void reanalysed(Map<Long, Analysed> analyses);

    /** What the analysis found for a stored pair: the tables it names and the derived columns. */
    record Analysed(List<String> tableNames, PairAnalysis analysis) {}

    /**
     * Up to {@code limit} pairs (live or in the trash) that have no analysis yet, with ids above
     * {@code afterId}, in id order: what a background analysis works through after a store-first import.
     */
    List<StoredPair> unanalysed(long afterId, int limit);

    /**
     * Sets duplicate groups and the duplicate flags ({@code DUPLICATE}, {@code CONFLICT},
     * {@code NEAR_DUPLICATE}) of many pairs, leaving their other flags alone; then renames
     * merged groups in order.
     */
    void markDuplicates(List<DuplicateMark> marks, List<GroupMerge> merges);

    /** A pair's duplicate group and which duplicate flags it carries. */
    record DuplicateMark(long id, long group, Set<QualityFlag> flags) {}

    /** Every pair in group {@code from} now belongs to group {@code into}. */
    record GroupMerge(long from, long into) {}
}
