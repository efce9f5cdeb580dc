package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.index.TextDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading pairs: one by id, pages by keyset ({@link PairPages}, what a table needs), streams,
 * counts and statistics for any filter.
 */
public interface PairReader extends PairPages {
    Optional<StoredPair> get(long id);

    Optional<StoredPair> getByPairId(String pairId);

    /** A cursor for {@link PairSort#INSERTION} that starts after store id {@code id}: "what was added since". */
    static String cursorAfterId(long id) {
        return new Cursor(PairSort.INSERTION, id, id).encode();
    }

    /** Streams the matching pairs in order from a database cursor; memory does not grow with the count. */
    void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action);

    /**
     * The pairs with these store ids ({@code ids} ascending), in that order, whatever their
     * filter (trash included); ids no longer stored are skipped. Memory does not grow with the count.
     */
    void forEachById(long[] ids, Consumer<StoredPair> action);

    /**
     * The texts of the pairs with these store ids ({@code ids} ascending), in that order, read
     * from the pairs table alone: no analysis, review state or trash (a second look at pairs an
     * export has read already costs about half a full reading). Ids no longer stored are skipped.
     */
    void forEachText(long[] ids, Consumer<PairText> action);

    /**
     * Streams the statistics facts of the matching pairs, computed in the database: groups of
     * pairs that share their {@link StatGroup} and UTC day, with counts, summed lengths and length
     * histograms. Exact; pre-aggregated when the filter allows it, otherwise one fact per pair.
     */
    void statistics(PairFilter filter, StatSink sink);

    /** The earliest (or with {@code latest} the latest) timestamp of the matching pairs. */
    Optional<Instant> edgeTimestamp(PairFilter filter, boolean latest);

    /** Distinct non-null database types, for filter choices. */
    List<String> databaseTypes();

    /** Distinct non-null database names, for filter choices. */
    List<String> databaseNames();

    /**
     * A digest of which pairs are live (not in the trash) and of their question and SQL texts: it
     * changes when any writer adds, edits, deletes or restores a pair. The sum of
     * {@link #textDigest} over the live pairs, so that a reader can tell whether what it saw is
     * still what is stored (duplicate grouping uses it to skip regrouping an unchanged dataset).
     */
    long liveTextDigest();

    /** One pair's share of {@link #liveTextDigest()}. */
    static long textDigest(long id, String question, String sql) {
        return TextDigest.of(id, TextDigest.textHash(question, sql));
    }
}
