package dev.pairstudio.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lays SQL out for reading: each clause on a line of its own, conditions joined by AND/OR one per
 * line, subqueries indented. Only the white space between tokens changes: every token, literal
 * and comment is kept as written, and tokens that were adjacent stay adjacent, so the formatted
 * text means exactly what the original meant (and parses wherever the original did).
 */
public final class SqlFormatter {
    private static final String INDENT = "    ";
    /** Words that start a clause on a new line. */
    private static final Set<String> CLAUSES = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP",
            "HAVING",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "FETCH",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "MINUS",
            "WINDOW",
            "QUALIFY",
            "VALUES",
            "SET",
            "RETURNING",
            "JOIN",
            "LEFT",
            "RIGHT",
            "INNER",
            "FULL",
            "CROSS",
            "NATURAL",
            "WITH",
            "INSERT",
            "UPDATE",
            "DELETE");
    /** Words that may follow another clause word without a new line of their own ("LEFT OUTER JOIN", "GROUP BY"). */
    private static final Set<String> CONTINUE = Set.of("JOIN", "OUTER", "INNER", "BY");

    private SqlFormatter() {}

    /** Formatted SQL, and where each offset of the original text went (for marks placed by offset). */
    public record Formatted(String text, int[] pieceStarts, int[] pieceEnds, int[] writtenAt) {
        /** Where original offset {@code offset} is in {@link #text}; an offset in white space maps to the end of the token before it. */
        public int at(int offset) {
            int i = Arrays.binarySearch(pieceStarts, offset);
            i = i >= 0 ? i : -i - 2;
            if (i < 0) {
                return 0;
            }
            return writtenAt[i] + Math.min(offset, pieceEnds[i]) - pieceStarts[i];
        }
    }

    public static String format(String sql, String databaseType) {
        return sql == null || sql.isBlank() ? sql : layout(sql, databaseType).text();
    }

    public static Formatted layout(String sql, String databaseType) {
        SqlLiterals.Dialect dialect = SqlLiterals.Dialect.of(databaseType);
        List<SqlLiteral> literals = SqlLiterals.find(sql, dialect);
        List<Piece> pieces = new ArrayList<>();
        for (SqlToken t : SqlTokenizer.tokenize(sql, literals, dialect)) {
            pieces.add(new Piece(
                    t.start(),
                    t.end(),
                    t.kind() == SqlToken.Kind.WORD ? t.text().toUpperCase(Locale.ROOT) : "",
                    false));
        }
        for (SqlLiteral l : literals) {
            if (l.kind() == SqlLiteral.Kind.COMMENT) {
                pieces.add(new Piece(
                        l.start(), l.end(), "", sql.startsWith("--", l.start()) || sql.startsWith("#", l.start())));
            }
        }
        pieces.sort(Comparator.comparingInt(Piece::start));
        Layout layout = new Layout(sql);
        String text = layout.write(pieces);
        return new Formatted(
                text,
                pieces.stream().mapToInt(Piece::start).toArray(),
                pieces.stream().mapToInt(Piece::end).toArray(),
                layout.writtenAt.stream().mapToInt(Integer::intValue).toArray());
    }

    private record Piece(int start, int end, String word, boolean lineComment) {}

    /** The state of one layout pass: open parentheses, how deep in subqueries, an open BETWEEN. */
    private static final class Layout {
        private final String sql;
        private final StringBuilder out;
        private final List<Integer> writtenAt = new ArrayList<>();
        private final Deque<Boolean> parens = new ArrayDeque<>(); // true: the parenthesis opens a subquery
        private int queryDepth;
        private boolean betweenOpen;

        Layout(String sql) {
            this.sql = sql;
            this.out = new StringBuilder(sql.length() + 32);
        }

        String write(List<Piece> pieces) {
            Piece previous = null;
            for (int i = 0; i < pieces.size(); i++) {
                Piece p = pieces.get(i);
                Piece next = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
                boolean closesQuery = isSymbol(p, ')') && !parens.isEmpty() && parens.peek();
                if (previous != null) {
                    if (previous.lineComment() || closesQuery || startsLine(previous, p, next)) {
                        out.append('\n').append(INDENT.repeat(Math.max(0, closesQuery ? queryDepth - 1 : queryDepth)));
                        if (isCondition(p)) {
                            out.append("  ");
                        }
                    } else if (previous.end() != p.start()) {
                        out.append(' ');
                    }
                }
                writtenAt.add(out.length());
                out.append(sql, p.start(), p.end());
                track(p, next);
                previous = p;
            }
            return out.toString();
        }

        private void track(Piece p, Piece next) {
            if (p.word().equals("BETWEEN")) {
                betweenOpen = true;
            } else if (p.word().equals("AND") && betweenOpen) {
                betweenOpen = false;
            } else if (isSymbol(p, '(')) {
                boolean subquery = next != null
                        && (next.word().equals("SELECT") || next.word().equals("WITH"));
                parens.push(subquery);
                queryDepth += subquery ? 1 : 0;
            } else if (isSymbol(p, ')') && !parens.isEmpty()) {
                queryDepth -= parens.pop() ? 1 : 0;
            }
        }

        /** Whether {@code p} begins a new line: a clause word, or AND/OR between the conditions of a clause. */
        private boolean startsLine(Piece previous, Piece p, Piece next) {
            if (!parens.isEmpty() && !parens.peek()) {
                return false; // inside a function call, an IN list or a parenthesised condition
            }
            if (isCondition(p)) {
                return !(p.word().equals("AND") && betweenOpen);
            }
            if (!CLAUSES.contains(p.word()) || (next != null && isSymbol(next, '(') && next.start() == p.end())) {
                return false; // not a clause word, or a function of that name: LEFT(name, 3)
            }
            if (CONTINUE.contains(p.word())
                    && (CLAUSES.contains(previous.word()) || previous.word().equals("OUTER"))) {
                return false; // "LEFT OUTER JOIN", "GROUP BY": one clause, one line
            }
            return !isSymbol(previous, '('); // "(SELECT": the subquery's first line starts at its parenthesis
        }

        private boolean isSymbol(Piece p, char c) {
            return p.end() - p.start() == 1
                    && sql.charAt(p.start()) == c
                    && p.word().isEmpty();
        }
    }

    private static boolean isCondition(Piece p) {
        return p.word().equals("AND") || p.word().equals("OR");
    }
}
