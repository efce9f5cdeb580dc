package dev.pairstudio.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes stored tables back as {@code CREATE TABLE} statements: the export presets' schema
 * context (one statement a line) and the schema editor (one column a line). Both layouts come
 * from the same clauses, so what the editor shows is what an export writes; {@link DdlSchemaReader}
 * reads either back to the same tables.
 */
public final class DdlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DdlWriter() {}

    /** One statement a line, in the schema's order, with keys: what {@code {{schema}}} exports. */
    public static String oneLinePerTable(List<SchemaTable> tables) {
        List<String> statements = new ArrayList<>();
        for (SchemaTable t : tables) {
            statements.add("CREATE TABLE " + name(t.name()) + " (" + String.join(", ", clauses(t)) + ");");
        }
        return String.join("\n", statements);
    }

    /** One column or key a line, a blank line between tables: for reading and editing. */
    public static String oneLinePerColumn(List<SchemaTable> tables) {
        List<String> statements = new ArrayList<>();
        for (SchemaTable t : tables) {
            statements.add("CREATE TABLE " + name(t.name()) + " (\n    " + String.join(",\n    ", clauses(t)) + "\n);");
        }
        return statements.isEmpty() ? "" : String.join("\n\n", statements) + "\n";
    }

    /** The columns, then the primary key, the unique keys, the foreign keys. */
    private static List<String> clauses(SchemaTable t) {
        List<String> out = new ArrayList<>();
        for (SchemaColumn c : t.columns()) {
            out.add(name(c.name()) + (c.type().isEmpty() ? "" : " " + c.type()));
        }
        if (!t.primaryKey().isEmpty()) {
            out.add("PRIMARY KEY (" + names(t.primaryKey()) + ")");
        }
        for (List<String> unique : t.uniqueKeys()) {
            out.add("UNIQUE (" + names(unique) + ")");
        }
        for (ForeignKey fk : t.foreignKeys()) {
            out.add("FOREIGN KEY (" + name(fk.column()) + ") REFERENCES " + name(fk.referencedTable())
                    + (fk.referencedColumn().isEmpty() ? "" : " (" + name(fk.referencedColumn()) + ")"));
        }
        return out;
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().map(DdlWriter::name).toList());
    }

    /** A name as is when it is a plain identifier, else double-quoted. */
    static String name(String n) {
        return PLAIN.matcher(n).matches() ? n : '"' + n.replace("\"", "\"\"") + '"';
    }
}
