package dev.pairstudio.store.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every pair's place in the order of its whole question, exactly as the database orders
 * {@code ORDER BY question, id} (its own collation; the id breaks ties), as a rank per ordinal
 * held in the {@link PairIndex} and its snapshot. Sorting by question is then a sort of ints.
 *
 * <p>Ranked once, on the first question sort: H2 compares strings as {@link String#compareTo}
 * (no collation set), so one scan of the questions is sorted here; PostgreSQL sorts them itself
 * in its collation. Pairs added or edited since are placed into the ranked order by binary
 * search, each comparison asked of the database ({@code question < ?}), so the collation is
 * always the database's own; when too many wait, ranking again is cheaper.
 */
final class QuestionRanks {
    /** Above this many pairs waiting (or 1/64 of the pairs), all are ranked again instead of placed one by one (~20 queries each). */
    private static final int MAX_PLACED = 2_000;

    private QuestionRanks() {}

    /** Ranks every live pair of the index, or places the ones added or edited since the last ranking. */
    static void update(Connection c, PairIndex ix, Comparator<String> collation) throws SQLException {
        int[] waiting = ix.unrankedQuestions();
        if (ix.questionRanked() && waiting.length == 0) {
            return;
        }
        if (!ix.questionRanked() || waiting.length > Math.min(MAX_PLACED, Math.max(1, ix.rows() / 64))) {
            ix.attachQuestionRanks(rankAll(c, ix, collation));
        } else {
            ix.attachQuestionRanks(place(c, ix, waiting));
        }
    }

    /** Ranks from the whole table: ordinals in question order, numbered from 1 (0: purged, not ranked). */
    private static int[] rankAll(Connection c, PairIndex ix, Comparator<String> collation) throws SQLException {
        int[] ordered = collation == null ? orderedByDatabase(c, ix) : orderedHere(c, ix, collation);
        return numbered(ix.size(), ordered);
    }

    private static int[] numbered(int size, int[] ordered) {
        int[] ranks = new int[size];
        for (int i = 0; i < ordered.length; i++) {
            ranks[ordered[i]] = i + 1;
        }
        return ranks;
    }

    private static int[] orderedByDatabase(Connection c, PairIndex ix) throws SQLException {
        int[] ordered = new int[ix.size()];
        int n = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM pairs ORDER BY question, id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int o = ix.ordinalOf(r.getLong(1));
                if (o >= 0 && !ix.purged(o)) {
                    ordered[n++] = o;
                }
            }
        }
        return Arrays.copyOf(ordered, n);
    }

    private static int[] orderedHere(Connection c, PairIndex ix, Comparator<String> collation) throws SQLException {
        String[] questions = new String[ix.size()];
        IndexKeeper.everyRow(c, "SELECT id, question FROM pairs WHERE id > ? ORDER BY id LIMIT ?", r -> {
            int o = ix.ordinalOf(r.getLong(1));
            if (o >= 0 && !ix.purged(o)) {
                questions[o] = r.getString(2);
            }
        });
        List<Integer> ordinals = new ArrayList<>(questions.length);
        for (int o = 0; o < questions.length; o++) {
            if (questions[o] != null) {
                ordinals.add(o);
            }
        }
        // ordinals are in id order and the sort is stable: equal questions stay in id order
        ordinals.sort((a, b) -> collation.compare(questions[a], questions[b]));
        return ordinals.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The ranked order with the waiting ordinals merged in: they are ordered among themselves by
     * the database, then each is found a place in the ranked ones by binary search.
     */
    private static int[] place(Connection c, PairIndex ix, int[] waiting) throws SQLException {
        int[] ranked = ix.questionOrder();
        List<Long> ids = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        Long[] waitingIds = Arrays.stream(waiting).mapToObj(ix::id).toArray(Long[]::new);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT p.id, p.question FROM UNNEST(?) AS u(id) JOIN pairs p ON p.id = u.id ORDER BY p.question, p.id")) {
            s.setObject(1, waitingIds);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                    questions.add(r.getString(2));
                }
            }
        }
        int[] merged = new int[ranked.length + ids.size()];
        int m = 0;
        int from = 0; // waiting pairs come in order, so each search starts where the last one ended
        try (PreparedStatement compare = c.prepareStatement(
                "SELECT CASE WHEN question < ? THEN -1 WHEN question > ? THEN 1 ELSE 0 END FROM pairs WHERE id = ?")) {
            for (int w = 0; w < ids.size(); w++) {
                int at = insertionPoint(compare, ix, ranked, from, questions.get(w), ids.get(w));
                while (from < at) {
                    merged[m++] = ranked[from++];
                }
                merged[m++] = ix.ordinalOf(ids.get(w));
            }
        }
        while (from < ranked.length) {
            merged[m++] = ranked[from++];
        }
        return numbered(ix.size(), Arrays.copyOf(merged, m));
    }

    /** The first position in {@code ranked[from..]} whose pair comes after (question, id). */
    private static int insertionPoint(
            PreparedStatement compare, PairIndex ix, int[] ranked, int from, String question, long id)
            throws SQLException {
        int low = from;
        int high = ranked.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (before(compare, ix.id(ranked[mid]), question, id)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Whether the stored pair {@code probeId} comes before (question, id) in the database's order. */
    private static boolean before(PreparedStatement compare, long probeId, String question, long id)
            throws SQLException {
        compare.setString(1, question);
        compare.setString(2, question);
        compare.setLong(3, probeId);
        try (ResultSet r = compare.executeQuery()) {
            if (!r.next()) {
                return true; // deleted for good meanwhile: where it sits does not matter
            }
            int c = r.getInt(1);
            return c < 0 || (c == 0 && probeId < id);
        }
    }
}
