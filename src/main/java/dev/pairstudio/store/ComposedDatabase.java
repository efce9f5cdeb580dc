package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A {@link Database} made of one part per concept: every concept's call goes to the part that
 * holds it, so an implementation names its parts and writes only what belongs to the database as
 * a whole ({@link #changesByOthers}, {@link #location}, {@link #close}). {@link JdbcPairStore} is
 * one; a test's forwarding store, whose parts are all one real database, is another.
 */
public interface ComposedDatabase extends Database {
    PairIntake intake();

    PairReader reader();

    Curation curation();

    Analyses analyses();

    SchemaStore schemas();

    SettingStore settings();

    Maintenance maintenance();

    // ---- PairIntake ------------------------------------------------------------------------

    @Override
    default AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) {
        return intake().addAll(pairs, analyses, source, importBatch);
    }

    @Override
    default AddResult addAll(
            List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping) {
        return intake().addAll(pairs, analyses, source, importBatch, grouping);
    }

    // ---- PairReader ------------------------------------------------------------------------

    @Override
    default Optional<StoredPair> get(long id) {
        return reader().get(id);
    }

    @Override
    default Optional<StoredPair> getByPairId(String pairId) {
        return reader().getByPairId(pairId);
    }

    @Override
    default long count(PairFilter filter) {
        return reader().count(filter);
    }

    @Override
    default Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
        return reader().query(filter, sort, afterCursor, limit);
    }

    @Override
    default List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize) {
        return reader().pageStarts(filter, sort, pageSize);
    }

    @Override
    default void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
        reader().forEach(filter, sort, action);
    }

    @Override
    default void forEachById(long[] ids, Consumer<StoredPair> action) {
        reader().forEachById(ids, action);
    }

    @Override
    default void forEachText(long[] ids, Consumer<PairText> action) {
        reader().forEachText(ids, action);
    }

    @Override
    default void statistics(PairFilter filter, StatSink sink) {
        reader().statistics(filter, sink);
    }

    @Override
    default Optional<Instant> edgeTimestamp(PairFilter filter, boolean latest) {
        return reader().edgeTimestamp(filter, latest);
    }

    @Override
    default List<String> databaseTypes() {
        return reader().databaseTypes();
    }

    @Override
    default List<String> databaseNames() {
        return reader().databaseNames();
    }

    @Override
    default long liveTextDigest() {
        return reader().liveTextDigest();
    }

    // ---- Curation --------------------------------------------------------------------------

    @Override
    default StoredPair updateText(long id, String question, String sql, long expectedVersion) {
        return curation().updateText(id, question, sql, expectedVersion);
    }

    @Override
    default int setStatus(Collection<Long> ids, ReviewStatus status) {
        return curation().setStatus(ids, status);
    }

    @Override
    default long setStatus(PairFilter filter, ReviewStatus status) {
        return curation().setStatus(filter, status);
    }

    @Override
    default void setNote(long id, String note) {
        curation().setNote(id, note);
    }

    @Override
    default TrashBatch trash(Collection<Long> ids) {
        return curation().trash(ids);
    }

    @Override
    default TrashBatch trash(PairFilter filter) {
        return curation().trash(filter);
    }

    @Override
    default long restore(String trashBatchId) {
        return curation().restore(trashBatchId);
    }

    @Override
    default int restore(Collection<Long> ids) {
        return curation().restore(ids);
    }

    @Override
    default long purge() {
        return curation().purge();
    }

    // ---- Analyses --------------------------------------------------------------------------

    @Override
    default void updateAnalyses(Map<Long, PairAnalysis> analyses) {
        analyses().updateAnalyses(analyses);
    }

    @Override
    default void reanalysed(Map<Long, Analysed> analyses) {
        analyses().reanalysed(analyses);
    }

    @Override
    default List<StoredPair> unanalysed(long afterId, int limit) {
        return analyses().unanalysed(afterId, limit);
    }

    @Override
    default void markDuplicates(List<DuplicateMark> marks, List<GroupMerge> merges) {
        analyses().markDuplicates(marks, merges);
    }

    // ---- SchemaStore -----------------------------------------------------------------------

    @Override
    default StoredSchema saveSchema(String databaseName, String source, String definition) {
        return schemas().saveSchema(databaseName, source, definition);
    }

    @Override
    default List<StoredSchema> latestSchemas() {
        return schemas().latestSchemas();
    }

    @Override
    default Optional<StoredSchema> schema(long id) {
        return schemas().schema(id);
    }

    @Override
    default long validationsAgainst(String databaseName) {
        return schemas().validationsAgainst(databaseName);
    }

    @Override
    default long deleteSchema(String databaseName) {
        return schemas().deleteSchema(databaseName);
    }

    @Override
    default void saveValidations(List<ValidationResult> results) {
        schemas().saveValidations(results);
    }

    @Override
    default Optional<ValidationResult> validation(long pairId) {
        return schemas().validation(pairId);
    }

    @Override
    default List<StoredPair> unvalidated(long afterId, int limit) {
        return schemas().unvalidated(afterId, limit);
    }

    // ---- SettingStore ----------------------------------------------------------------------

    @Override
    default Optional<String> setting(String key) {
        return settings().setting(key);
    }

    @Override
    default void putSetting(String key, String value) {
        settings().putSetting(key, value);
    }

    @Override
    default byte[] privacySecret() {
        return settings().privacySecret();
    }

    @Override
    default void rotatePrivacySecret() {
        settings().rotatePrivacySecret();
    }

    // ---- Maintenance -----------------------------------------------------------------------

    @Override
    default void prepare() {
        maintenance().prepare();
    }

    @Override
    default void prepareSorts() {
        maintenance().prepareSorts();
    }

    @Override
    default boolean sortReady(SortColumn column) {
        return maintenance().sortReady(column);
    }

    @Override
    default void releaseIndex() {
        maintenance().releaseIndex();
    }

    @Override
    default OptionalDouble indexProgress() {
        return maintenance().indexProgress();
    }

    @Override
    default void sync() {
        maintenance().sync();
    }

    @Override
    default void backup(Path target) {
        maintenance().backup(target);
    }
}
