package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.schema.JdbcSchemaReader;
import dev.pairstudio.schema.LiveExplain;
import dev.pairstudio.schema.PairValidator;
import dev.pairstudio.schema.ReadOnlyDatabases;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.schema.ValidationSummary;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate [filters]}: checks pairs against their database's schema on every core and prints counts per flag. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Check pairs against the schema of their database (see 'schema import'): unknown tables and columns, "
                        + "ambiguous columns, SQL that does not run (EXPLAIN in H2), writes in a read-only dataset, LIMIT without ORDER BY, "
                        + "question/SQL values. The flags are stored and filterable (--flag).")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    FilterOptions filters;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--read-only",
            negatable = true,
            description =
                    "Remember that the questions of the --database NAME(s) are read-only (DML/DDL is then flagged WRITE_STATEMENT, "
                            + "and never run); --no-read-only undoes it. Without --database: the default for every database without a setting of its own.")
    Boolean readOnly;

    @Option(
            names = "--live-jdbc",
            paramLabel = "URL",
            description =
                    "Remember a live copy of the --database NAME: 'does not run' is then checked there with EXPLAIN "
                            + "(read-only, --statement-timeout, always rolled back) instead of in H2. 'none' forgets it.")
    String liveJdbc;

    @Option(names = "--live-user", paramLabel = "USER", description = "User for --live-jdbc.")
    String liveUser;

    @Option(
            names = "--live-password-env",
            paramLabel = "VAR",
            description =
                    "Environment variable holding the password for --live-jdbc (the name is stored, never the password).")
    String livePasswordEnv;

    @Option(
            names = "--statement-timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Time limit per statement and for connecting, with --live-jdbc. Default: ${DEFAULT-VALUE}.")
    int statementTimeout;

    @Option(
            names = "--allow-writes",
            description = "With --live-jdbc: EXPLAIN DML/DDL too (still never executed, always rolled back).")
    boolean allowWrites;

    @Option(
            names = "--no-live",
            description = "Check 'does not run' in H2 this time, even for databases with a live copy.")
    boolean noLive;

    @Option(names = "--threads", paramLabel = "N", description = "Threads to use. Default: all cores.")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ValidationSummary s;
        try (Database store = StoreAccess.open(database);
                SqlAnalyzer analyzer = new SqlAnalyzer()) {
            if (readOnly != null) {
                if (filters.databaseNames.isEmpty()) {
                    store.putSetting(PairValidator.READ_ONLY_SETTING, readOnly.toString());
                    out.printf(
                            "Remembered: %s (every database without a setting of its own)%n",
                            readOnly ? "read-only questions" : "writes allowed");
                } else {
                    for (String name : filters.databaseNames) {
                        ReadOnlyDatabases.set(store, name, readOnly);
                        out.printf(
                                "Remembered: %s %s%n", name, readOnly ? "holds read-only questions" : "allows writes");
                    }
                }
            }
            if (liveJdbc != null) {
                if (filters.databaseNames.size() != 1) {
                    throw new Cli.UserError(
                            "--live-jdbc belongs to one database: give it with --database NAME", Cli.USAGE);
                }
                String name = filters.databaseNames.get(0);
                if (liveJdbc.equalsIgnoreCase("none")) {
                    LiveExplain.remember(store, name, null);
                    out.printf("Forgot the live connection of %s: its pairs are checked in H2%n", name);
                } else {
                    try {
                        LiveExplain.remember(
                                store,
                                name,
                                new LiveExplain.Config(
                                        liveJdbc, liveUser, livePasswordEnv, statementTimeout, allowWrites));
                    } catch (IllegalArgumentException e) {
                        throw new Cli.UserError("--live-jdbc: " + e.getMessage(), Cli.USAGE);
                    }
                    out.printf(
                            "Remembered the live connection of %s: %s%s%n",
                            name,
                            JdbcSchemaReader.safe(liveJdbc),
                            allowWrites ? " (writes EXPLAINed too)" : " (read-only)");
                }
            }
            if (store.latestSchemas().isEmpty()) {
                throw new Cli.UserError(
                        "No schemas stored: add one with 'pairstudio schema import FILE --database NAME'");
            }
            AtomicLong shown = new AtomicLong();
            Map<String, LiveExplain> live = noLive ? Map.of() : connectLive(store, err);
            try {
                s = ValidationRun.run(
                        store,
                        analyzer,
                        filters.toFilter(),
                        null,
                        threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                        live,
                        n -> {
                            if (n - shown.get() >= 20_000) {
                                shown.set(n);
                                err.printf("  validated %s...%n", Plural.number(n));
                                err.flush();
                            }
                        },
                        () -> false);
            } finally {
                live.values().forEach(LiveExplain::close);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                "Validated %s in %.1f s (%,.0f pairs/s)%n",
                Plural.of(s.validated(), "pair"), seconds, s.validated() / Math.max(seconds, 1e-9));
        out.printf("  no flag:                   %s%n", Plural.number(s.clean()));
        for (Map.Entry<QualityFlag, Long> e : s.flagged().entrySet()) {
            out.printf(
                    "  %-26s %s%s%n",
                    e.getKey() + ":", Plural.number(e.getValue()), e.getKey().schemaError() ? "" : " (hint)");
        }
        for (Map.Entry<String, Long> e : s.withoutSchema().entrySet()) {
            out.printf("  not checked, no schema for %s: %s%n", e.getKey(), Plural.number(e.getValue()));
        }
        out.flush();
        return Cli.OK;
    }

    /** Connects to the remembered live copies of the databases in scope; one that fails is said and checked in H2. */
    private Map<String, LiveExplain> connectLive(Database store, PrintWriter err) {
        Map<String, LiveExplain> live = new HashMap<>();
        LiveExplain.stored(store).forEach((name, config) -> {
            if (!filters.databaseNames.isEmpty() && !filters.databaseNames.contains(name)) {
                return;
            }
            try {
                live.put(name, LiveExplain.connect(name, config));
            } catch (JdbcSchemaReader.ConnectionFailure e) {
                err.printf("%s; its pairs are checked in H2 instead%n", e.getMessage());
                err.flush();
            }
        });
        return live;
    }
}
