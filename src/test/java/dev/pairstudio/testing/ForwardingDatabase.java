package dev.pairstudio.testing;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.AddResult;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.PairText;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StatSink;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.StoredSchema;
import dev.pairstudio.store.TrashBatch;
import dev.pairstudio.store.ValidationResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A real store seen through a test's hands: every call goes to {@code real}, and a test overrides
 * the one it wants to slow down or interfere with (instead of a dynamic Proxy, whose method names
 * the compiler cannot check).
 */
public class ForwardingDatabase implements Database {
    protected final Database real;

    public ForwardingDatabase(Database real) {
        this.real = real;
    }

    @Override
    public AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) {
        return real.addAll(pairs, analyses, source, importBatch);
    }

    @Override
    public AddResult addAll(
            List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping) {
        return real.addAll(pairs, analyses, source, importBatch, grouping);
    }

    @Override
    public Optional<StoredPair> get(long id) {
        return real.get(id);
    }

    @Override
    public Optional<StoredPair> getByPairId(String pairId) {
        return real.getByPairId(pairId);
    }

    @Override
    public long count(PairFilter filter) {
        return real.count(filter);
    }

    @Override
    public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
        return real.query(filter, sort, afterCursor, limit);
    }

    @Override
    public List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize) {
        return real.pageStarts(filter, sort, pageSize);
    }

    @Override
    public void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
        real.forEach(filter, sort, action);
    }

    @Override
    public void forEachById(long[] ids, Consumer<StoredPair> action) {
        real.forEachById(ids, action);
    }

    @Override
    public void forEachText(long[] ids, Consumer<PairText> action) {
        real.forEachText(ids, action);
    }

    @Override
    public void statistics(PairFilter filter, StatSink sink) {
        real.statistics(filter, sink);
    }

    @Override
    public Optional<Instant> edgeTimestamp(PairFilter filter, boolean latest) {
        return real.edgeTimestamp(filter, latest);
    }

    @Override
    public List<String> databaseTypes() {
        return real.databaseTypes();
    }

    @Override
    public List<String> databaseNames() {
        return real.databaseNames();
    }

    @Override
    public long liveTextDigest() {
        return real.liveTextDigest();
    }

    @Override
    public StoredPair updateText(long id, String question, String sql, long expectedVersion) {
        return real.updateText(id, question, sql, expectedVersion);
    }

    @Override
    public int setStatus(Collection<Long> ids, ReviewStatus status) {
        return real.setStatus(ids, status);
    }

    @Override
    public long setStatus(PairFilter filter, ReviewStatus status) {
        return real.setStatus(filter, status);
    }

    @Override
    public void setNote(long id, String note) {
        real.setNote(id, note);
    }

    @Override
    public TrashBatch trash(Collection<Long> ids) {
        return real.trash(ids);
    }

    @Override
    public TrashBatch trash(PairFilter filter) {
        return real.trash(filter);
    }

    @Override
    public long restore(String trashBatchId) {
        return real.restore(trashBatchId);
    }

    @Override
    public int restore(Collection<Long> ids) {
        return real.restore(ids);
    }

    @Override
    public long purge() {
        return real.purge();
    }

    @Override
    public void updateAnalyses(Map<Long, PairAnalysis> analyses) {
        real.updateAnalyses(analyses);
    }

    @Override
    public void reanalysed(Map<Long, Analysed> analyses) {
        real.reanalysed(analyses);
    }

    @Override
    public List<StoredPair> unanalysed(long afterId, int limit) {
        return real.unanalysed(afterId, limit);
    }

    @Override
    public void markDuplicates(List<DuplicateMark> marks, List<GroupMerge> merges) {
        real.markDuplicates(marks, merges);
    }

    @Override
    public StoredSchema saveSchema(String databaseName, String source, String definition) {
        return real.saveSchema(databaseName, source, definition);
    }

    @Override
    public List<StoredSchema> latestSchemas() {
        return real.latestSchemas();
    }

    @Override
    public Optional<StoredSchema> schema(long id) {
        return real.schema(id);
    }

    @Override
    public long validationsAgainst(String databaseName) {
        return real.validationsAgainst(databaseName);
    }

    @Override
    public long deleteSchema(String databaseName) {
        return real.deleteSchema(databaseName);
    }

    @Override
    public void saveValidations(List<ValidationResult> results) {
        real.saveValidations(results);
    }

    @Override
    public Optional<ValidationResult> validation(long pairId) {
        return real.validation(pairId);
    }

    @Override
    public List<StoredPair> unvalidated(long afterId, int limit) {
        return real.unvalidated(afterId, limit);
    }

    @Override
    public Optional<String> setting(String key) {
        return real.setting(key);
    }

    @Override
    public void putSetting(String key, String value) {
        real.putSetting(key, value);
    }

    @Override
    public byte[] privacySecret() {
        return real.privacySecret();
    }

    @Override
    public void rotatePrivacySecret() {
        real.rotatePrivacySecret();
    }

    @Override
    public void prepare() {
        real.prepare();
    }

    @Override
    public void prepareSorts() {
        real.prepareSorts();
    }

    @Override
    public boolean sortReady(SortColumn column) {
        return real.sortReady(column);
    }

    @Override
    public void releaseIndex() {
        real.releaseIndex();
    }

    @Override
    public OptionalDouble indexProgress() {
        return real.indexProgress();
    }

    @Override
    public void sync() {
        real.sync();
    }

    @Override
    public void backup(Path target) {
        real.backup(target);
    }

    @Override
    public long changesByOthers() {
        return real.changesByOthers();
    }

    @Override
    public String location() {
        return real.location();
    }

    @Override
    public Path folder() {
        return real.folder();
    }

    @Override
    public void close() {
        real.close();
    }
}
