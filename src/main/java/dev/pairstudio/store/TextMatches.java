package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.sql.DataSource;

/**
 * The free-text part of a filter: the ids of the pairs whose question or SQL contains the text
 * (case-insensitive) or matches the regular expression. Found by one scan of the table; the
 * last answer is kept until the next change of the store.
 */
final class TextMatches {
    private final DataSource pool;
    private record Answer(String text, boolean regex, long clock, BitSet ids) {
    }
    private volatile Answer last;

    TextMatches(DataSource pool) {
        this.pool = pool;
    }

    /** Ids (as bits) matching the filter's text, null when it has none. */
    BitSet matchingIds(PairFilter filter) {
        if (filter.text() == null) {
            return null;
        }
        if (filter.textIsRegex()) {
            checkRegex(filter.text());
        }
        try (Connection c = pool.getConnection()) {
            long clock = ChangeLog.clock(c);
            Answer a = last;
            if (a != null && a.clock == clock && a.regex == filter.textIsRegex() && a.text.equals(filter.text())) {
                return a.ids;
            }
            String where = filter.textIsRegex() ? "REGEXP_LIKE(question, ?) OR REGEXP_LIKE(sql_text, ?)"
                    : "question ILIKE ? ESCAPE '\\' OR sql_text ILIKE ? ESCAPE '\\'";
            String value = filter.textIsRegex() ? filter.text() : "%" + escapeLike(filter.text()) + "%";
            BitSet ids = new BitSet();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM pairs WHERE " + where)) {
                s.setString(1, value);
                s.setString(2, value);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.set(Math.toIntExact(r.getLong(1)));
                    }
                }
            }
            last = new Answer(filter.text(), filter.textIsRegex(), clock, ids);
            return ids;
        } catch (SQLException e) {
            throw new StoreException("Cannot search the pairs: " + OpenFailures.firstLine(e), e);
        }
    }

    /** The matching ids as index ordinals; null stays null (no text in the filter). */
    BitSet ordinals(PairIndex index, BitSet ids) {
        if (ids == null) {
            return null;
        }
        BitSet ordinals = new BitSet(index.size());
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            int o = index.ordinalOf(id);
            if (o >= 0) {
                ordinals.set(o);
            }
        }
        return ordinals;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** H2's REGEXP_LIKE uses java.util.regex: check here so that the message names the regex. */
    static void checkRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regular expression \"" + regex + "\": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near position " + e.getIndex() : ""), e);
        }
    }
}
