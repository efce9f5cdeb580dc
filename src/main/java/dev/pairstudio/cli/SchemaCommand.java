package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.JdbcSchemaReader;
import dev.pairstudio.schema.LiveExplain;
import dev.pairstudio.schema.ReadOnlyDatabases;
import dev.pairstudio.schema.SchemaFormat;
import dev.pairstudio.schema.SchemaImporter;
import dev.pairstudio.schema.SchemaJson;
import dev.pairstudio.schema.SchemaProblem;
import dev.pairstudio.schema.UnknownDatabase;
import dev.pairstudio.schema.ValidationSummary;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schema import|list|delete}: the database schemas pairs are validated against. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Import, list and delete the schemas (tables, columns, keys) that 'validate' checks pairs against.",
        subcommands = {SchemaCommand.Import.class, SchemaCommand.ListSchemas.class, SchemaCommand.Delete.class})
public final class SchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code schema import FILE --database NAME [--format ddl|spider] [--dialect TYPE]}; exit 1 when a part did not parse. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Store a new version of a database's schema from CREATE TABLE statements or a Spider/BIRD tables.json. "
                            + "Statements that do not parse are reported with their line; the rest is imported.")
    static final class Import implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "FILE",
                description = "A .sql file of CREATE TABLE statements or a tables.json.")
        Path file;

        @Option(
                names = "--jdbc",
                paramLabel = "URL",
                description =
                        "Read the schema from a live database instead of a file: JDBC metadata only, read-only, with --timeout.")
        String jdbc;

        @Option(names = "--user", paramLabel = "USER", description = "User for --jdbc.")
        String user;

        @Option(
                names = "--password-env",
                paramLabel = "VAR",
                description = "Environment variable holding the password for --jdbc (never stored).")
        String passwordEnv;

        @Option(
                names = "--schema",
                paramLabel = "SCHEMA",
                description = "The database schema to read with --jdbc (e.g. public); default: all but system schemas.")
        String schemaPattern;

        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                defaultValue = "20",
                description = "Time limit for --jdbc. Default: ${DEFAULT-VALUE}.")
        int timeoutSeconds;

        @Option(
                names = "--create",
                description =
                        "Store the schema even when no pair uses --database NAME yet (without it, an unknown name is refused as a likely typo).")
        boolean create;

        @Option(names = "--no-validate", description = "Do not check the database's pairs against the new version now.")
        boolean noValidate;

        @Option(
                names = "--database",
                paramLabel = "NAME",
                description =
                        "The database_name the schema belongs to (required for DDL; for tables.json, the one db_id to import — all when absent).")
        String name;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "ddl or spider (tables.json). Default: by the file name (.json is spider).")
        String format;

        @Option(
                names = "--dialect",
                paramLabel = "TYPE",
                description =
                        "The database type the DDL is written in (postgresql, mysql, sqlite, sqlserver, oracle); picks the parser and the H2 mode for EXPLAIN.")
        String dialect;

        @Override
        public Integer call() throws IOException {
            if ((file == null) == (jdbc == null)) {
                throw new Cli.UserError("Give either a FILE or --jdbc URL", Cli.USAGE);
            }
            if (jdbc != null) {
                return fromJdbc();
            }
            SchemaFormat f = format(file, format);
            if (f == SchemaFormat.DDL && (name == null || name.isBlank())) {
                throw new Cli.UserError(
                        "A DDL file needs --database NAME: the database_name of the pairs it describes", Cli.USAGE);
            }
            if (!Files.isRegularFile(file)) {
                throw new Cli.UserError("No such file: " + file);
            }
            SchemaImporter.Report r;
            try (Database store = StoreAccess.open(database);
                    SqlAnalyzer analyzer = new SqlAnalyzer()) {
                refuseUnknownName(store);
                r = new SchemaImporter(store, analyzer).importFile(file, f, name, dialect);
                return report(r, file.getFileName().toString(), f == SchemaFormat.SPIDER, store, analyzer);
            }
        }

        private int fromJdbc() {
            if (name == null || name.isBlank()) {
                throw new Cli.UserError(
                        "--jdbc needs --database NAME: the database_name of the pairs it describes", Cli.USAGE);
            }
            char[] password = null;
            if (passwordEnv != null) {
                String value = System.getenv(passwordEnv);
                if (value == null) {
                    throw new Cli.UserError("The environment variable " + passwordEnv + " is not set");
                }
                password = value.toCharArray();
            }
            try (Database store = StoreAccess.open(database);
                    SqlAnalyzer analyzer = new SqlAnalyzer()) {
                refuseUnknownName(store);
                SchemaImporter.Report r = new SchemaImporter(store, analyzer)
                        .importJdbc(
                                new JdbcSchemaReader(timeoutSeconds * 1000L),
                                jdbc,
                                user,
                                password,
                                schemaPattern,
                                name);
                return report(r, JdbcSchemaReader.safe(jdbc), false, store, analyzer);
            } catch (JdbcSchemaReader.ConnectionFailure e) {
                throw new Cli.UserError(e.getMessage());
            }
        }

        /**
         * A --database NAME that no pair uses and no schema has is most likely a typo: refused, with
         * the closest known names, unless --create says it is meant. (A whole tables.json, with no
         * --database, registers every db_id it holds, as benchmarks ship schemas before their pairs.)
         */
        private void refuseUnknownName(Database store) {
            if (create || name == null) {
                return;
            }
            UnknownDatabase.check(store, name).ifPresent(u -> {
                throw new Cli.UserError("No pair uses the database name " + u.name() + " and no schema is stored for it"
                        + (u.closest().isEmpty() ? "" : " (" + u.didYouMean() + ")")
                        + ": nothing stored; add --create to store its schema anyway");
            });
        }

        /** Prints what was stored and what was not; then checks the imported databases' pairs against it (unless --no-validate). */
        private int report(SchemaImporter.Report r, String from, boolean spider, Database store, SqlAnalyzer analyzer) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (StoredSchema s : r.saved()) {
                DatabaseSchema schema = SchemaJson.read(s.definition());
                out.printf(
                        "Stored schema of %s, version %d: %s, %s%n",
                        s.databaseName(),
                        s.version(),
                        Plural.of(schema.tables().size(), "table"),
                        Plural.of(schema.columnCount(), "column"));
            }
            if (r.skippedStatements() > 0) {
                out.printf(
                        "  left aside: %s that %s not table definitions (indexes, inserts, views) or other databases%n",
                        Plural.of(r.skippedStatements(), "statement"), r.skippedStatements() == 1 ? "is" : "are");
            }
            for (String unknown : r.unknownDatabases()) {
                out.printf(
                        "  note: no pair has database_name %s yet; the schema is kept for pairs imported with that name%n",
                        unknown);
            }
            boolean anyKnown =
                    r.saved().stream().anyMatch(s -> !r.unknownDatabases().contains(s.databaseName()));
            if (!noValidate && anyKnown) {
                ValidationSummary v = new SchemaImporter(store, analyzer).validate(r, n -> {}, () -> false);
                out.printf(
                        "  checked %s against it: %s with a flag (see 'pairstudio validate' for counts per flag)%n",
                        Plural.of(v.validated(), "pair"), Plural.number(v.validated() - v.clean()));
            }
            if (r.saved().isEmpty()) {
                err.println("pairstudio schema import: no table definitions found in " + from
                        + (name != null && spider ? " for db_id " + name : "") + "; nothing stored");
            }
            for (SchemaProblem p : r.problems()) {
                err.println("  " + from + " " + p);
            }
            out.flush();
            err.flush();
            return r.problems().isEmpty() && !r.saved().isEmpty() ? Cli.OK : Cli.BAD_INPUT;
        }

        private static SchemaFormat format(Path file, String given) {
            if (given == null) {
                return SchemaFormat.guess(file);
            }
            try {
                return SchemaFormat.valueOf(given.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError("Unknown --format " + given + ": use ddl or spider", Cli.USAGE);
            }
        }
    }

    /** {@code schema list}: the newest version of each database's schema. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the stored schemas (newest version per database).")
    static final class ListSchemas implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        @Option(names = "--tables", description = "Also list each schema's tables and columns.")
        boolean tables;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database store = StoreAccess.open(database)) {
                var all = store.latestSchemas();
                if (all.isEmpty()) {
                    out.println("No schemas stored. Add one with: pairstudio schema import FILE --database NAME");
                }
                ReadOnlyDatabases readOnly = ReadOnlyDatabases.load(store);
                var live = LiveExplain.stored(store);
                for (StoredSchema s : all) {
                    DatabaseSchema schema = SchemaJson.read(s.definition());
                    out.printf(
                            "%-24s v%-3d %3d tables %4d columns  %s  %s%n",
                            s.databaseName(),
                            s.version(),
                            schema.tables().size(),
                            schema.columnCount(),
                            s.importedAt(),
                            s.source());
                    var copy = live.get(s.databaseName());
                    if (readOnly.test(s.databaseName()) || copy != null) {
                        out.printf(
                                "    %s%s%n",
                                readOnly.test(s.databaseName()) ? "read-only questions" : "writes allowed",
                                copy == null
                                        ? ""
                                        : "; does-not-run checked live at " + JdbcSchemaReader.safe(copy.url())
                                                + (copy.allowWrites() ? " (writes EXPLAINed too)" : " (read-only)"));
                    }
                    if (tables) {
                        schema.tables()
                                .forEach(t -> out.printf(
                                        "    %s (%s)%s%n",
                                        t.name(),
                                        String.join(
                                                ", ",
                                                t.columns().stream()
                                                        .map(c -> c.name())
                                                        .toList()),
                                        String.join(
                                                "",
                                                t.uniqueKeys().stream()
                                                        .map(k -> " unique (" + String.join(", ", k) + ")")
                                                        .toList())));
                    }
                }
            }
            out.flush();
            return Cli.OK;
        }
    }

    /** {@code schema delete NAME --yes}: every version of a database's schema, and the checks made against them. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description =
                    "Delete every version of a database's schema; its pairs lose their schema checks (the pairs stay). "
                            + "Without --yes, says how many pairs would lose them and deletes nothing.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The database_name whose schema to delete.")
        String name;

        @Option(names = "--yes", description = "Delete without asking.")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database store = StoreAccess.open(database)) {
                StoredSchema newest = store.latestSchemas().stream()
                        .filter(s -> s.databaseName().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new Cli.UserError(
                                "No schema is stored for " + name + "; 'pairstudio schema list' shows those that are"));
                if (!yes) {
                    throw new Cli.UserError("Deleting the schema of " + name + " (" + versions(newest.version())
                            + ") would clear the checks of " + pairs(store.validationsAgainst(name))
                            + "; nothing deleted: add --yes to delete it");
                }
                long cleared = store.deleteSchema(name);
                out.printf(
                        "Deleted the schema of %s (%s); %s no longer validated%n",
                        name, versions(newest.version()), Plural.of(cleared, "pair is", "pairs are"));
            }
            out.flush();
            return Cli.OK;
        }

        private static String versions(int n) {
            return Plural.of(n, "version");
        }

        private static String pairs(long n) {
            return Plural.of(n, "pair");
        }
    }
}
