package dev.pairstudio.schema;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Reads a schema file and stores each database's schema as a new version. What could not be
 * read is reported and left out; nothing already stored changes except that a database gains a
 * newer version. A database name no pair uses yet is stored all the same and reported, so that
 * pairs imported later under that name are validated against it.
 */
public final class SchemaImporter {
    /**
     * @param saved            the stored versions, one per database
     * @param unknownDatabases names of saved schemas that no stored pair uses yet
     */
    public record Report(
            List<StoredSchema> saved,
            List<SchemaProblem> problems,
            int skippedStatements,
            List<String> unknownDatabases) {}

    private final Database store;
    private final SqlAnalyzer analyzer;

    public SchemaImporter(Database store, SqlAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    /**
     * @param databaseName for DDL the database it describes (required); for a tables.json the one db_id to
     *                     import, null for all
     * @param dialect      the DDL's database type (postgresql, mysql, …), null for generic
     */
    public Report importFile(Path file, SchemaFormat format, String databaseName, String dialect) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        SchemaImport read = format == SchemaFormat.SPIDER
                ? new SpiderTablesReader().read(text, databaseName)
                : new DdlSchemaReader(analyzer).read(text, databaseName, dialect);
        return store(read, format.name().toLowerCase(Locale.ROOT) + ":" + file.getFileName());
    }

    /** Reads the schema of a live database (metadata only, read-only, time-limited) and stores it as a new version. */
    public Report importJdbc(
            JdbcSchemaReader reader,
            String url,
            String user,
            char[] password,
            String schemaPattern,
            String databaseName)
            throws JdbcSchemaReader.ConnectionFailure {
        DatabaseSchema schema = reader.read(url, user, password, schemaPattern, databaseName);
        return store(
                new SchemaImport(schema.tables().isEmpty() ? List.of() : List.of(schema), List.of(), 0),
                "jdbc:" + JdbcSchemaReader.safe(url.startsWith("jdbc:") ? url.substring(5) : url));
    }

    /**
     * Checks the stored pairs of every database the report saved a schema for against that new
     * version, on every core: what follows an import or an edit in the window and the CLI.
     */
    public ValidationSummary validate(Report report, LongConsumer progress, BooleanSupplier cancelled) {
        Set<String> names = new HashSet<>();
        report.saved().forEach(s -> names.add(s.databaseName()));
        report.unknownDatabases().forEach(names::remove); // no pair to check
        if (names.isEmpty()) {
            return new ValidationSummary(0, Map.of(), Map.of(), 0);
        }
        return ValidationRun.run(
                store,
                analyzer,
                PairFilter.ALL.withDatabaseNames(names),
                Runtime.getRuntime().availableProcessors(),
                progress,
                cancelled);
    }

    public Report store(SchemaImport read, String source) {
        Set<String> known = new HashSet<>(store.databaseNames());
        List<StoredSchema> saved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (DatabaseSchema schema : read.schemas()) {
            saved.add(store.saveSchema(schema.databaseName(), source, SchemaJson.write(schema)));
            if (!known.contains(schema.databaseName())) {
                unknown.add(schema.databaseName());
            }
        }
        return new Report(saved, read.problems(), read.skippedStatements(), unknown);
    }
}
