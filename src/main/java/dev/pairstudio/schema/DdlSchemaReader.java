package dev.pairstudio.schema;

import dev.pairstudio.sql.ParsedSql;
import dev.pairstudio.sql.SqlAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Reads the {@code CREATE TABLE} statements of a DDL script (PostgreSQL, MySQL, SQLite, SQL
 * Server, Oracle: JSqlParser's grammar with the dialect's switches, generic as fallback), with
 * their keys: primary, foreign, and unique (column or table {@code UNIQUE}, {@code CREATE UNIQUE
 * INDEX}). A statement that does not parse is reported with its line and the rest imported;
 * statements that are not table definitions (other indexes, inserts, views) are counted and left aside.
 */
public final class DdlSchemaReader {
    /** Column-level {@code REFERENCES other (id)} as JSqlParser leaves it in the column specs. */
    private static final Pattern REFERENCE =
            Pattern.compile("(?i)REFERENCES\\s+([^\\s(]+)\\s*(?:\\(\\s*([^\\s),]+)[^)]*\\))?");

    private final SqlAnalyzer analyzer;

    public DdlSchemaReader(SqlAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @param dialect the database type the DDL is written for (postgresql, mysql, sqlite, …); null: generic */
    public SchemaImport read(String script, String databaseName, String dialect) {
        Map<String, SchemaTable> tables = new LinkedHashMap<>();
        List<SchemaProblem> problems = new ArrayList<>();
        int skipped = 0;
        List<DdlScript.Piece> uniqueIndexes = new ArrayList<>();
        for (DdlScript.Piece piece : DdlScript.split(script, dialect)) {
            if (startsWithCreateUniqueIndex(piece.text())) {
                uniqueIndexes.add(piece); // its table may come later in the script
                continue;
            }
            if (!startsWithCreateTable(piece.text())) {
                skipped++;
                continue;
            }
            ParsedSql parsed = analyzer.parse(piece.text(), dialect);
            if (!parsed.parsed()) {
                problems.add(
                        new SchemaProblem(piece.line(), excerpt(piece.text()), inScript(parsed.error(), piece.line())));
                continue;
            }
            for (Statement s : parsed.statements()) {
                if (s instanceof CreateTable ct && ct.getColumnDefinitions() != null) {
                    SchemaTable t = table(ct);
                    if (tables.put(Names.key(t.name()), t) != null) {
                        problems.add(new SchemaProblem(
                                piece.line(),
                                excerpt(piece.text()),
                                "table " + t.name() + " is defined twice; the later definition is kept"));
                    }
                } else {
                    skipped++;
                }
            }
        }
        for (DdlScript.Piece piece : uniqueIndexes) {
            skipped += addUniqueIndex(piece, tables, problems, dialect) ? 0 : 1;
        }
        List<DatabaseSchema> schemas = tables.isEmpty()
                ? List.of()
                : List.of(new DatabaseSchema(databaseName, dialect, List.copyOf(tables.values())));
        return new SchemaImport(schemas, problems, skipped);
    }

    private static boolean startsWithCreateUniqueIndex(String text) {
        String head = text.length() > 200 ? text.substring(0, 200) : text;
        return head.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").startsWith("CREATE UNIQUE INDEX ");
    }

    /**
     * {@code CREATE UNIQUE INDEX … ON t (a, b)} adds the unique key (a, b) to t. A partial index
     * ({@code WHERE}) or one over expressions says nothing about whole columns and is left aside
     * (false); one on a table the script does not define, or that does not parse, is a problem.
     */
    private boolean addUniqueIndex(
            DdlScript.Piece piece, Map<String, SchemaTable> tables, List<SchemaProblem> problems, String dialect) {
        ParsedSql parsed = analyzer.parse(piece.text(), dialect);
        if (!parsed.parsed()) {
            problems.add(
                    new SchemaProblem(piece.line(), excerpt(piece.text()), inScript(parsed.error(), piece.line())));
            return true;
        }
        if (parsed.statements().size() != 1
                || !(parsed.statements().get(0) instanceof CreateIndex ci)
                || ci.getTable() == null
                || ci.getIndex() == null
                || ci.getIndex().getColumnsNames() == null
                || ci.getIndex().getColumnsNames().isEmpty()
                || piece.text().toUpperCase(Locale.ROOT).matches("(?s).*\\)\\s*WHERE\\s.*")) {
            return false;
        }
        String tableName = Names.unquote(ci.getTable().getName());
        SchemaTable table = tables.get(Names.key(tableName));
        if (table == null) {
            problems.add(new SchemaProblem(
                    piece.line(),
                    excerpt(piece.text()),
                    "unique index on table " + tableName + ", which the script does not define"));
            return true;
        }
        List<String> columns = new ArrayList<>();
        for (String c : ci.getIndex().getColumnsNames()) {
            String name = Names.unquote(c.trim());
            if (table.column(name).isEmpty()) {
                return false; // an expression such as lower(email), or not a column
            }
            columns.add(table.column(name).get().name());
        }
        List<List<String>> keys = new ArrayList<>(table.uniqueKeys());
        keys.add(columns);
        tables.put(
                Names.key(tableName),
                new SchemaTable(table.name(), table.columns(), table.primaryKey(), table.foreignKeys(), keys));
        return true;
    }

    private static boolean startsWithCreateTable(String text) {
        String head = text.length() > 200 ? text.substring(0, 200) : text;
        return head.toUpperCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .matches("(?s)CREATE (OR REPLACE )?((GLOBAL |LOCAL )?(TEMPORARY |TEMP )|UNLOGGED |VIRTUAL )?TABLE .*");
    }

    private static SchemaTable table(CreateTable ct) {
        List<SchemaColumn> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        for (ColumnDefinition d : ct.getColumnDefinitions()) {
            String name = Names.unquote(d.getColumnName());
            // JSqlParser prints "VARCHAR (20)"; the script and JDBC say "VARCHAR(20)"
            columns.add(new SchemaColumn(
                    name,
                    d.getColDataType() == null
                            ? ""
                            : d.getColDataType().toString().replaceFirst(" \\(", "(")));
            List<String> specs = d.getColumnSpecs() == null ? List.of() : d.getColumnSpecs();
            String joined = String.join(" ", specs).toUpperCase(Locale.ROOT);
            if (joined.contains("PRIMARY KEY")) {
                primaryKey.add(name);
            }
            if (specs.stream().anyMatch(w -> w.equalsIgnoreCase("UNIQUE"))) {
                uniqueKeys.add(List.of(name));
            }
            Matcher ref = REFERENCE.matcher(String.join(" ", specs));
            if (ref.find()) {
                foreignKeys.add(new ForeignKey(
                        name, Names.unquote(ref.group(1)), ref.group(2) == null ? "" : Names.unquote(ref.group(2))));
            }
        }
        if (ct.getIndexes() != null) {
            for (Index i : ct.getIndexes()) {
                if (i instanceof ForeignKeyIndex fk && fk.getTable() != null) {
                    List<String> from = fk.getColumnsNames();
                    List<String> to = fk.getReferencedColumnNames();
                    for (int k = 0; k < from.size(); k++) {
                        foreignKeys.add(new ForeignKey(
                                Names.unquote(from.get(k)),
                                Names.unquote(fk.getTable().getName()),
                                to != null && k < to.size() ? Names.unquote(to.get(k)) : ""));
                    }
                } else if (i.getType() != null
                        && i.getType().toUpperCase(Locale.ROOT).contains("PRIMARY")) {
                    i.getColumnsNames().forEach(c -> primaryKey.add(Names.unquote(c)));
                } else if (i.getType() != null
                        && i.getType().toUpperCase(Locale.ROOT).contains("UNIQUE")) {
                    uniqueKeys.add(i.getColumnsNames().stream()
                            .map(Names::unquote)
                            .toList()); // UNIQUE (a, b), UNIQUE KEY, CONSTRAINT … UNIQUE
                }
            }
        }
        return new SchemaTable(Names.unquote(ct.getTable().getName()), columns, primaryKey, foreignKeys, uniqueKeys);
    }

    private static final Pattern ERROR_LINE = Pattern.compile("\\bline (\\d+)(?=, column)");

    /** The parser counts lines from the statement's start; the user reads the script's lines. */
    private static String inScript(String error, int statementLine) {
        if (error == null) {
            return "does not parse";
        }
        Matcher m = ERROR_LINE.matcher(error);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, "line " + (statementLine + Integer.parseInt(m.group(1)) - 1));
        }
        return m.appendTail(b).toString();
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
