package dev.pairstudio.privacy;

import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Where values can sit in a SQL text: its literals and comments, and its quoted names (double
 * quotes, backticks, brackets), which SQLite reads as strings when they name no column and which
 * never hold an e-mail address or a card number when they are identifiers. In text order.
 *
 * @param name per span, whether it is a quoted name (only validated detectors look inside those)
 */
record SqlValues(List<SqlLiteral> spans, List<Boolean> name) {

    static SqlValues of(String sql, SqlLiterals.Dialect dialect) {
        List<SqlLiteral> names = new ArrayList<>(0);
        List<SqlLiteral> literals = SqlLiterals.find(sql, dialect, names);
        if (names.isEmpty()) {
            return new SqlValues(literals, Collections.nCopies(literals.size(), false));
        }
        List<SqlLiteral> all = new ArrayList<>(literals.size() + names.size());
        all.addAll(literals);
        all.addAll(names);
        all.sort(Comparator.comparingInt(SqlLiteral::start));
        List<Boolean> isName = new ArrayList<>(all.size());
        for (SqlLiteral s : all) {
            isName.add(names.contains(s));
        }
        return new SqlValues(all, isName);
    }

    int size() {
        return spans.size();
    }

    SqlLiteral get(int i) {
        return spans.get(i);
    }

    boolean isName(int i) {
        return name.get(i);
    }
}
