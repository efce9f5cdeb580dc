package dev.pairstudio.store;

/** One sort column and direction, ties broken by the store id in the same direction. */
public record PairSort(SortColumn column, boolean descending) {
    /** Insertion order, as the seed listed and exported. */
    public static final PairSort INSERTION = new PairSort(SortColumn.ID, false);

    public static final PairSort NEWEST_FIRST = new PairSort(SortColumn.TIMESTAMP, true);
}
