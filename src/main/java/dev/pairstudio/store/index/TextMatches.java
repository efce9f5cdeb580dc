package dev.pairstudio.store.index;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.OpenFailures;
import dev.pairstudio.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.sql.DataSource;

/**
 * The free-text part of a filter, as the index ordinals whose question or SQL contains the text
 * (case-insensitive) or matches the regular expression. Plain text asks the {@link TextIndex}
 * for candidates; when those are not exact (several words, punctuation) the database checks
 * them. A regular expression scans the table. The last eight answers are kept until the index changes.
 */
public final class TextMatches {
    private final DataSource pool;
    /** The WHERE clause of a regular-expression search, its pattern parameter given twice (dialects spell it differently). */
    private final String regexWhere;

    private final IndexKeeper keeper;

    private record Question(String text, boolean regex) {}

    private record Answer(long generation, BitSet ordinals) {}

    /** The last few answers: a search asks for a count, a page and statistics of the same text. */
    private final Map<Question, Answer> answers = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Answer> eldest) {
            return size() > 8;
        }
    });

    public TextMatches(DataSource pool, IndexKeeper keeper, String regexWhere) {
        this.pool = pool;
        this.regexWhere = regexWhere;
        this.keeper = keeper;
    }

    /** Matching ordinals, null when the filter has no text. */
    public BitSet matching(PairFilter filter) {
        String text = filter.text();
        if (text == null) {
            return null;
        }
        boolean regex = filter.textIsRegex();
        if (regex) {
            checkRegex(text);
        }
        try {
            if (!regex) {
                keeper.ensureText();
            }
            Question q = new Question(text, regex);
            Answer a = answers.get(q);
            long generation = keeper.read(PairIndex::generation);
            if (a != null && a.generation == generation) {
                return a.ordinals;
            }
            BitSet ordinals;
            if (regex) {
                ordinals = toOrdinals(scan(regexWhere, text, null));
            } else {
                TextIndex.Candidates candidates = keeper.read(ix -> ix.text().candidates(text));
                ordinals = candidates.exact() ? candidates.ordinals() : verified(candidates.ordinals(), text);
            }
            answers.put(q, new Answer(generation, ordinals));
            return ordinals;
        } catch (SQLException e) {
            throw new StoreException("Cannot search the pairs: " + OpenFailures.firstLine(e), e);
        }
    }

    /** The candidates whose text really contains the phrase, checked by the database in chunks. */
    private BitSet verified(BitSet candidates, String text) throws SQLException {
        List<Long> ids = keeper.read(ix -> {
            List<Long> out = new ArrayList<>(candidates.cardinality());
            for (int o = candidates.nextSetBit(0); o >= 0; o = candidates.nextSetBit(o + 1)) {
                if (!ix.purged(o)) {
                    out.add(ix.id(o));
                }
            }
            return out;
        });
        BitSet matched = new BitSet();
        for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
            matched.or(scan(
                    "id = ANY(?) AND (question ILIKE ? ESCAPE '\\' OR sql_text ILIKE ? ESCAPE '\\')",
                    "%" + escapeLike(text) + "%",
                    ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK))));
        }
        return toOrdinals(matched);
    }

    /** Ids (as bits) of the rows meeting {@code where}, whose text parameters are {@code value} twice (after the ids, if any). */
    private BitSet scan(String where, String value, List<Long> ids) throws SQLException {
        BitSet found = new BitSet();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM pairs WHERE " + where)) {
            int i = 1;
            if (ids != null) {
                s.setObject(i++, ids.toArray(new Long[0]));
            }
            s.setString(i++, value);
            s.setString(i, value);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.set(Math.toIntExact(r.getLong(1)));
                }
            }
        }
        return found;
    }

    private BitSet toOrdinals(BitSet ids) throws SQLException {
        return keeper.read(ix -> {
            BitSet ordinals = new BitSet(ix.size());
            for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
                int o = ix.ordinalOf(id);
                if (o >= 0) {
                    ordinals.set(o);
                }
            }
            return ordinals;
        });
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** H2's REGEXP_LIKE uses java.util.regex: check here so that the message names the regex. */
    public static void checkRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "Invalid regular expression \"" + regex + "\": " + e.getDescription()
                            + (e.getIndex() >= 0 ? " near position " + e.getIndex() : ""),
                    e);
        }
    }
}
