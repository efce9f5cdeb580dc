package dev.pairstudio.schema;

import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Editing a stored schema as CREATE TABLE text: the text of a version, what an edited text reads
 * as, and storing it as a new version (never over the old one: pairs name the version they were
 * checked with) followed by checking that database's pairs again, as an import does.
 */
public final class SchemaEditing {
    private SchemaEditing() {}

    /**
     * What the text reads as. It can be saved only when every statement was read: a statement that
     * does not parse would otherwise drop its table from the new version without a word.
     */
    public record Check(SchemaImport read) {
        public boolean savable() {
            return read.problems().isEmpty() && !read.schemas().isEmpty();
        }

        /** The schema the text describes; null when it defines no table. */
        public DatabaseSchema schema() {
            return read.schemas().isEmpty() ? null : read.schemas().get(0);
        }

        public List<SchemaProblem> problems() {
            return read.problems();
        }

        /** One line for the editor: what would be saved, or why not. */
        public String summary() {
            DatabaseSchema s = schema();
            String left = read.skippedStatements() == 0
                    ? ""
                    : "; " + read.skippedStatements()
                            + (read.skippedStatements() == 1 ? " statement is" : " statements are")
                            + " not a table definition and will not be kept";
            if (s == null) {
                return "No CREATE TABLE statement: a schema needs at least one table" + left + ".";
            }
            String size = s.tables().size()
                    + (s.tables().size() == 1 ? " table, " : " tables, ")
                    + s.columnCount()
                    + (s.columnCount() == 1 ? " column" : " columns");
            if (!read.problems().isEmpty()) {
                int n = read.problems().size();
                return size + "; " + n + (n == 1 ? " statement does" : " statements do") + " not parse: fix "
                        + (n == 1 ? "it" : "them") + " to save" + left + ".";
            }
            return size + left + ".";
        }
    }

    /** A stored version and what checking its database's pairs against it found. */
    public record Saved(StoredSchema stored, ValidationSummary validation) {}

    /** The CREATE TABLE text of a stored schema, one column a line. */
    public static String text(DatabaseSchema schema) {
        return DdlWriter.oneLinePerColumn(schema.tables());
    }

    /** Reads edited text as the schema of {@code original}'s database, in its dialect. */
    public static Check check(SqlAnalyzer analyzer, String text, DatabaseSchema original) {
        String dialect = original.dialect().isEmpty() ? null : original.dialect();
        SchemaImport read = new DdlSchemaReader(analyzer).read(text, original.databaseName(), dialect);
        // the reader names the dialect it was given; keep the stored one (also when it was generic)
        List<DatabaseSchema> kept = read.schemas().stream()
                .map(s -> new DatabaseSchema(original.databaseName(), original.dialect(), s.tables()))
                .toList();
        return new Check(new SchemaImport(kept, read.problems(), read.skippedStatements()));
    }

    /**
     * Stores the checked text as the next version of {@code base}'s database and checks that
     * database's pairs against it.
     *
     * @throws IllegalArgumentException when the text cannot be saved (see {@link Check#savable()}); nothing is stored
     */
    public static Saved save(
            Database store, SqlAnalyzer analyzer, StoredSchema base, Check check, BooleanSupplier cancelled) {
        if (!check.savable()) {
            throw new IllegalArgumentException(
                    "The schema of " + base.databaseName() + " was not saved: " + check.summary());
        }
        SchemaImporter importer = new SchemaImporter(store, analyzer);
        SchemaImporter.Report report = importer.store(check.read(), "edited from version " + base.version());
        return new Saved(report.saved().get(0), importer.validate(report, n -> {}, cancelled));
    }
}
