package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.JdbcPairStore.Written;
import dev.pairstudio.store.index.IndexFilter;
import dev.pairstudio.store.index.IndexKeeper;
import dev.pairstudio.store.index.IndexRows;
import dev.pairstudio.store.index.PairIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Curation and the trash for {@link JdbcPairStore}: each change is one write transaction whose
 * rows are chosen from the index inside it (after its refresh), and applied to the index directly
 * when every row changed as planned.
 */
final class JdbcCuration implements Curation {
    private final JdbcPairStore store;
    private final JdbcPairReader reader;

    JdbcCuration(JdbcPairStore store, JdbcPairReader reader) {
        this.store = store;
        this.reader = reader;
    }

    /** Ids of matching rows, read from the index inside a write transaction (after its refresh). */
    private List<Long> matching(PairFilter filter, BiPredicate<PairIndex, Integer> also) {
        BitSet textOrdinals = store.text().matching(filter);
        return store.index().peek(ix -> {
            IndexFilter f = new IndexFilter(ix, filter, textOrdinals);
            List<Long> ids = new ArrayList<>();
            for (int o = 0; o < ix.size(); o++) {
                if (f.test(o) && also.test(ix, o)) {
                    ids.add(ix.id(o));
                }
            }
            return ids;
        });
    }

    /**
     * Runs an UPDATE or DELETE whose last parameter is an id list, in chunks: the rows changed,
     * and the ids to re-read (every id of a chunk that changed something).
     */
    static Written<Long> updateIds(Connection c, String sql, List<Long> ids, Object... params) throws SQLException {
        long n = 0;
        List<Long> touched = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK));
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.setObject(params.length + 1, chunk.toArray(new Long[0]));
                int changed = s.executeUpdate();
                if (changed > 0) {
                    n += changed;
                    touched.addAll(chunk);
                }
            }
        }
        return new Written<>(n, touched);
    }

    @Override
    public StoredPair updateText(long id, String question, String sql, long expectedVersion) {
        if (question == null || question.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The question and the SQL must not be empty");
        }
        int changed = store.write("edit a pair", c -> {
            int n = JdbcPairStore.update(
                    c,
                    "UPDATE pairs SET original_question = COALESCE(original_question, question), "
                            + "original_sql = COALESCE(original_sql, sql_text), question = ?, sql_text = ?, updated_at = ?, "
                            + "version = version + 1 WHERE id = ? AND version = ?",
                    question,
                    sql,
                    JdbcPairStore.time(Timestamps.now()),
                    id,
                    expectedVersion);
            return new Written<>(n, n == 0 ? List.of() : List.of(id));
        });
        StoredPair now = reader.get(id)
                .orElseThrow(() -> new StoreException("There is no pair with id " + id + "; it may have been purged"));
        if (changed == 0) {
            throw new EditConflictException(id, expectedVersion, now.version());
        }
        return now;
    }

    @Override
    public int setStatus(Collection<Long> ids, ReviewStatus status) {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) setStatus(PairFilter.ALL.withIds(Set.copyOf(ids)), status);
    }

    @Override
    public long setStatus(PairFilter filter, ReviewStatus status) {
        return store.write("set the review status", c -> {
            List<Long> ids = matching(
                    filter.withTrash(false), (ix, o) -> ix.group(ix.profile(o)).status() != status);
            Instant now = Timestamps.now();
            Written<Long> done = updateIds(
                    c,
                    "UPDATE pairs SET status = ?, updated_at = ?, version = version + 1 "
                            + "WHERE status <> ? AND id = ANY(?)",
                    ids,
                    status.name(),
                    JdbcPairStore.time(now),
                    status.name());
            long micros = IndexRows.micros(now);
            return done.result() == ids.size()
                    ? done.applying(ix ->
                            ids.stream().allMatch(id -> ix.regroup(id, g -> g.withStatus(status), micros)))
                    : done;
        });
    }

    @Override
    public void setNote(long id, String note) {
        int n = store.write("save the note", c -> {
            int changed = JdbcPairStore.update(
                    c,
                    "UPDATE pairs SET note = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    note == null || note.isBlank() ? null : note,
                    JdbcPairStore.time(Timestamps.now()),
                    id);
            return new Written<>(changed, changed == 0 ? List.of() : List.of(id));
        });
        if (n == 0) {
            throw new StoreException("There is no pair with id " + id + "; it may have been purged");
        }
    }

    @Override
    public TrashBatch trash(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new TrashBatch(UUID.randomUUID().toString(), 0);
        }
        return trash(PairFilter.ALL.withIds(Set.copyOf(ids)));
    }

    @Override
    public TrashBatch trash(PairFilter filter) {
        String batch = UUID.randomUUID().toString();
        long n = store.write("move pairs to the trash", c -> {
            List<Long> ids = matching(
                    filter.withTrash(false), (ix, o) -> true); // live, in id order: appends to the trash's pages
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO trash (id, batch, deleted_at) VALUES (?, ?, ?)")) {
                LocalDateTime now = JdbcPairStore.time(Timestamps.now());
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(1, ids.get(i));
                    s.setString(2, batch);
                    s.setObject(3, now);
                    s.addBatch();
                    if (i % IndexKeeper.ID_CHUNK == IndexKeeper.ID_CHUNK - 1) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            return new Written<>((long) ids.size(), ids)
                    .applying(ix -> ids.stream().allMatch(id -> ix.setTrash(id, true)));
        });
        return new TrashBatch(batch, n);
    }

    @Override
    public long restore(String trashBatchId) {
        return store.write("restore pairs", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM trash WHERE batch = ? ORDER BY id")) {
                s.setString(1, trashBatchId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            return restoreIds(c, ids);
        });
    }

    @Override
    public int restore(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) (long) store.write(
                "restore pairs",
                c -> restoreIds(c, matching(PairFilter.ALL.withTrash(true).withIds(Set.copyOf(ids)), (ix, o) -> true)));
    }

    static Written<Long> restoreIds(Connection c, List<Long> ids) throws SQLException {
        Written<Long> done = updateIds(c, "DELETE FROM trash WHERE id = ANY(?)", ids);
        return done.applying(ix -> ids.stream().allMatch(id -> ix.setTrash(id, false)));
    }

    @Override
    public long purge() {
        return store.write("empty the trash", c -> {
            List<Long> ids = matching(PairFilter.ALL.withTrash(true), (ix, o) -> true);
            Written<Long> gone =
                    updateIds(c, "DELETE FROM pairs WHERE id = ANY(?) AND id IN (SELECT id FROM trash)", ids);
            updateIds(c, "DELETE FROM trash WHERE id = ANY(?)", ids);
            // their analysis too (parse errors can quote the SQL); validations go by the foreign key
            updateIds(
                    c,
                    "DELETE FROM analysis a WHERE a.id = ANY(?) AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.id = a.id)",
                    ids);
            return gone.applying(ix -> {
                ids.forEach(ix::purge);
                return true;
            });
        });
    }
}
