package dev.pairstudio.sql;

import dev.pairstudio.pair.QueryType;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterSession;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * Statement types, from the parse tree or, for SQL that did not parse, from leading keywords.
 *
 * <p>Upserts count as MERGE because they may change existing rows: {@code MERGE},
 * {@code INSERT … ON CONFLICT … DO UPDATE}, {@code INSERT … ON DUPLICATE KEY UPDATE},
 * {@code REPLACE INTO}, {@code INSERT OR REPLACE} and {@code UPSERT}. An insert that only skips
 * conflicts ({@code ON CONFLICT DO NOTHING}, {@code INSERT OR IGNORE}) stays INSERT.
 * {@code WITH … SELECT}, set operations and {@code VALUES} are SELECT; {@code WITH … INSERT}
 * is INSERT. TRUNCATE, EXPLAIN and session statements are OTHER, as in the seed.
 */
final class StatementTypes {
    private StatementTypes() {}

    static QueryType of(Statement s) {
        if (s instanceof Select) {
            return QueryType.SELECT;
        }
        if (s instanceof Insert insert) {
            return isUpsert(insert) ? QueryType.MERGE : QueryType.INSERT;
        }
        if (s instanceof Upsert upsert) {
            UpsertType t = upsert.getUpsertType();
            boolean onlyInserts = t == UpsertType.INSERT_OR_IGNORE
                    || t == UpsertType.INSERT_OR_ABORT
                    || t == UpsertType.INSERT_OR_FAIL
                    || t == UpsertType.INSERT_OR_ROLLBACK;
            return onlyInserts ? QueryType.INSERT : QueryType.MERGE;
        }
        if (s instanceof Merge) {
            return QueryType.MERGE;
        }
        if (s instanceof Update) {
            return QueryType.UPDATE;
        }
        if (s instanceof Delete) {
            return QueryType.DELETE;
        }
        if (s instanceof CreateTable
                || s instanceof CreateView
                || s instanceof CreateIndex
                || s instanceof CreateSchema
                || s instanceof CreateSequence) {
            return QueryType.CREATE;
        }
        if (s instanceof Alter || s instanceof AlterView || s instanceof AlterSequence) {
            return QueryType.ALTER;
        }
        if (s instanceof AlterSession) {
            return QueryType.OTHER;
        }
        if (s instanceof Drop) {
            return QueryType.DROP;
        }
        // other CREATE/ALTER forms (functions, triggers, …) by class name, keeping the list short
        String name = s.getClass().getSimpleName();
        if (name.startsWith("Create")) {
            return QueryType.CREATE;
        }
        if (name.startsWith("Alter")) {
            return QueryType.ALTER;
        }
        return QueryType.OTHER;
    }

    private static boolean isUpsert(Insert insert) {
        if (insert.isUseDuplicate()
                || (insert.getDuplicateUpdateSets() != null
                        && !insert.getDuplicateUpdateSets().isEmpty())) {
            return true;
        }
        return insert.getConflictAction() != null
                && insert.getConflictAction().getConflictActionType() == ConflictActionType.DO_UPDATE;
    }

    /**
     * Best guess from the words of SQL that did not parse: skips leading parentheses and a WITH
     * list (the main statement follows the CTEs at depth 0), then reads the statement keyword.
     */
    static QueryType guess(List<SqlToken> tokens) {
        int depth = 0;
        boolean inWith = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
                continue;
            }
            if (t.isSymbol(')')) {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (t.kind() != SqlToken.Kind.WORD) {
                continue;
            }
            String w = t.text().toUpperCase(Locale.ROOT);
            if (w.equals("WITH") && i == firstWord(tokens)) {
                inWith = true;
                continue;
            }
            if (inWith && depth > 0) {
                continue;
            }
            QueryType type = keyword(w, tokens, i);
            if (type != null) {
                return type;
            }
            if (!inWith) {
                return QueryType.OTHER;
            }
        }
        return QueryType.OTHER;
    }

    private static int firstWord(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == SqlToken.Kind.WORD) {
                return i;
            }
        }
        return -1;
    }

    private static QueryType keyword(String w, List<SqlToken> tokens, int i) {
        switch (w) {
            case "SELECT":
            case "VALUES":
            case "TABLE":
                return QueryType.SELECT;
            case "INSERT":
                return upsertAhead(tokens, i) ? QueryType.MERGE : QueryType.INSERT;
            case "UPDATE":
                return QueryType.UPDATE;
            case "DELETE":
                return QueryType.DELETE;
            case "MERGE":
            case "REPLACE":
            case "UPSERT":
                return QueryType.MERGE;
            case "CREATE":
                return QueryType.CREATE;
            case "ALTER":
                return QueryType.ALTER;
            case "DROP":
                return QueryType.DROP;
            default:
                return null;
        }
    }

    /** {@code INSERT OR REPLACE}, {@code ON DUPLICATE KEY UPDATE}, {@code ON CONFLICT … DO UPDATE}. */
    private static boolean upsertAhead(List<SqlToken> tokens, int insertAt) {
        if (insertAt + 2 < tokens.size()
                && tokens.get(insertAt + 1).isWord("OR")
                && tokens.get(insertAt + 2).isWord("REPLACE")) {
            return true;
        }
        boolean conflict = false;
        for (int i = insertAt + 1; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isWord("DUPLICATE")) {
                return true;
            }
            if (t.isWord("CONFLICT")) {
                conflict = true;
            } else if (conflict && t.isWord("UPDATE")) {
                return true;
            }
        }
        return false;
    }
}
