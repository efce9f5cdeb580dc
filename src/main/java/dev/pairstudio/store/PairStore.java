package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where pairs live: an H2 file by default, PostgreSQL for a team. Every method is safe to call
 * from any thread except the FX thread (it does I/O); implementations are thread-safe.
 * Nothing here anonymizes: the store keeps the original text (ARCHITECTURE.md, "Decisions").
 */
public interface PairStore extends AutoCloseable {

    // ---- adding -------------------------------------------------------------------------

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
     * written as {@link #markDuplicates} writes them. {@code analyses} must not be null.
     */
    AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping);

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
    record Duplicates(List<DuplicateMark> marks, List<GroupMerge> merges) {
    }

    // ---- reading ------------------------------------------------------------------------

    Optional<StoredPair> get(long id);

    Optional<StoredPair> getByPairId(String pairId);

    long count(PairFilter filter);

    /** Up to {@code limit} rows after {@code afterCursor} (null: from the start), by keyset, never OFFSET. */
    Page query(PairFilter filter, PairSort sort, String afterCursor, int limit);

    /**
     * The cursors at which each page of {@code pageSize} rows starts (the first is null), so that
     * a table can jump to any row without OFFSET scans. One pass over an index.
     */
    List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize);

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

    /** Distinct non-null database types, for filter choices. */
    List<String> databaseTypes();

    /** Distinct non-null database names, for filter choices. */
    List<String> databaseNames();

    // ---- curation -----------------------------------------------------------------------

    /**
     * Replaces the question and SQL; the first edit keeps the original text. Fails with
     * {@link EditConflictException} when the pair's version is no longer {@code expectedVersion}.
     */
    StoredPair updateText(long id, String question, String sql, long expectedVersion);

    /** Sets the review status of the given pairs; returns how many changed. */
    int setStatus(Collection<Long> ids, ReviewStatus status);

    /** Sets the review status of every live pair that matches; returns how many changed. */
    long setStatus(PairFilter filter, ReviewStatus status);

    void setNote(long id, String note);

    /** Moves the given pairs to the trash as one restorable operation. */
    TrashBatch trash(Collection<Long> ids);

    /** Moves every live pair that matches to the trash as one restorable operation. */
    TrashBatch trash(PairFilter filter);

    /** Brings back every pair of one delete operation. */
    long restore(String trashBatchId);

    /** Brings back the given pairs from the trash. */
    int restore(Collection<Long> ids);

    /** Deletes the trash for good; returns how many pairs went. */
    long purge();

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
    record Analysed(List<String> tableNames, PairAnalysis analysis) {
    }

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
    record DuplicateMark(long id, long group, java.util.Set<dev.pairstudio.pair.QualityFlag> flags) {
    }

    /** Every pair in group {@code from} now belongs to group {@code into}. */
    record GroupMerge(long from, long into) {
    }

    // ---- schemas and validation (issue 15) -----------------------------------------------

    /**
     * Stores a new version of {@code databaseName}'s schema (the previous version + 1, or 1);
     * earlier versions stay, so that a pair's validation still names the one it used.
     *
     * @param definition the schema as JSON (dev.pairstudio.schema.SchemaJson)
     */
    StoredSchema saveSchema(String databaseName, String source, String definition);

    /** The newest version of each database's schema, by database name. */
    List<StoredSchema> latestSchemas();

    /** One stored schema version by its id (what a validation names). */
    Optional<StoredSchema> schema(long id);

    /** How many pairs hold a validation against some version of {@code databaseName}'s schema (what deleting it clears). */
    long validationsAgainst(String databaseName);

    /**
     * Deletes every version of {@code databaseName}'s schema and the validations made against them,
     * in one transaction: the pairs lose their schema flags (filters and statistics follow) and are
     * checked again once a schema for that name is imported. Pairs themselves are not touched.
     *
     * @return how many pairs lost their validation
     */
    long deleteSchema(String databaseName);

    /**
     * Stores validation results, replacing each pair's previous one; a pair no longer stored is
     * skipped. Open windows see the flags like analysis flags (filters, table, statistics).
     */
    void saveValidations(List<ValidationResult> results);

    /** A pair's latest validation: schema version, flags and messages. */
    Optional<ValidationResult> validation(long pairId);

    /**
     * Live pairs (not in the trash) after {@code afterId}, in id order, whose database has a stored
     * schema and that have no validation yet or one against an older version of that schema: pairs
     * imported before their schema, or while validation was skipped.
     */
    List<StoredPair> unvalidated(long afterId, int limit);

    // ---- database-wide ------------------------------------------------------------------

    /**
     * How many changes other writers committed since this store was first asked: another
     * process (a CLI import, {@code pairstudio serve}), a colleague on the team database, another
     * store object on the same file. One small read. It rises with each of their changes; while
     * a change of this store's own is being committed it may briefly read one lower, never higher.
     * A window polls it to show what others changed.
     */
    long changesByOthers();

    /**
     * A digest of which pairs are live (not in the trash) and of their question and SQL texts: it
     * changes when any writer adds, edits, deletes or restores a pair. The sum of
     * {@link #textDigest} over the live pairs, so that a reader can tell whether what it saw is
     * still what is stored (duplicate grouping uses it to skip regrouping an unchanged dataset).
     */
    long liveTextDigest();

    /** One pair's share of {@link #liveTextDigest()}. */
    static long textDigest(long id, String question, String sql) {
        return PairIndex.textDigest(id, PairIndex.textHash(question, sql));
    }

    /**
     * The per-database secret for keyed pseudonyms, created with the database (32 random
     * bytes). Never exported, never logged.
     */
    byte[] privacySecret();

    /**
     * Replaces the privacy secret with a new random one: from now on every pseudonym differs from
     * those in earlier exports. An explicit user action, never automatic.
     */
    void rotatePrivacySecret();

    Optional<String> setting(String key);

    void putSetting(String key, String value);

    /**
     * Builds in advance what answers filters, sorts and free-text search (a window calls it after
     * opening, in the background), so that the first search of a session is as quick as the next.
     */
    default void prepare() {
    }

    /**
     * Lets go of what {@link #prepare} builds until a call needs it again (it is then read back
     * from its snapshot): a long streaming job at a small heap (an export of a million pairs at
     * 256 MB, against an index of ~110 MB) that has asked the index everything it needs.
     */
    default void releaseIndex() {
    }

    /**
     * While this process builds what answers filters and sorts from the table (no usable snapshot),
     * how far it is, 0 to 1; empty otherwise. Reads one volatile field: safe on the FX thread.
     */
    default java.util.OptionalDouble indexProgress() {
        return java.util.OptionalDouble.empty();
    }

    /**
     * Forces everything committed so far to disk (an import calls it at its end: its batches are
     * otherwise written within a second, and a full disk shows up here rather than later).
     */
    void sync();

    /** A consistent snapshot of the whole database, written while the store stays in use. */
    void backup(Path target);

    /** Where the data lives, for titles and messages (a file path or a URL without password). */
    String location();

    /** The folder beside the database for its reports; the user data directory for in-memory or server databases. */
    default Path folder() {
        String where = location();
        if (where.startsWith("jdbc:") || where.contains("://")) {
            return UserDataDirectory.get();
        }
        Path parent = Path.of(where).toAbsolutePath().getParent();
        return parent == null ? UserDataDirectory.get() : parent;
    }

    @Override
    void close();
}
