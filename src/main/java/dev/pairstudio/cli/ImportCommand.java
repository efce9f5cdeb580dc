package dev.pairstudio.cli;

import dev.pairstudio.ingest.ImportFormat;
import dev.pairstudio.ingest.ImportProblem;
import dev.pairstudio.ingest.ImportSummary;
import dev.pairstudio.ingest.OnePassImport;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.schema.ValidationSummary;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import FILE... [--format ...]}: exit 1 when any record was malformed. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "import",
        description = "Import pairs from JSONL, JSON, CSV, Spider or BIRD files.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(
            names = "--format",
            defaultValue = "auto",
            paramLabel = "FORMAT",
            description =
                    "auto (by extension and content), jsonl, json, csv, spider or bird. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--no-analysis",
            description =
                    "Store the pairs without analysing them; the app analyses them when it next opens the database.")
    boolean noAnalysis;

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Checks what this import added against the stored schemas of its databases (issue 15), when there are any. */
    private static void validateAdded(Database store, long lastIdBefore, PrintWriter out) {
        long start = System.nanoTime();
        try (SqlAnalyzer analyzer = new SqlAnalyzer()) {
            ValidationSummary v = ValidationRun.runAdded(
                    store, analyzer, lastIdBefore, Runtime.getRuntime().availableProcessors(), n -> {}, () -> false);
            if (v.validated() > 0) {
                out.printf(
                        "  validated against schemas: %s (%s with a flag) in %.1f s%n",
                        Plural.number(v.validated()), Plural.number(v.validated() - v.clean()), seconds(start));
            }
        }
    }

    /** {@link OnePassImport}: stored, analysed and grouped as each batch goes in. */
    private ImportSummary importAnalysed(Database store, ImportFormat f, PrintWriter out) {
        long start = System.nanoTime();
        long expected = PairImporter.estimatedRecords(files, f);
        String heapWarning = ImportHeap.warning(
                store.count(PairFilter.ALL) + expected, Runtime.getRuntime().maxMemory());
        if (heapWarning != null) {
            spec.commandLine().getErr().println(heapWarning);
            spec.commandLine().getErr().flush();
        }
        OnePassImport.Result r = OnePassImport.run(
                store,
                files,
                f,
                StoreAccess.folderOf(store),
                PairImporter.DEFAULT_BATCH,
                Runtime.getRuntime().availableProcessors(),
                new ImportProgressLines(spec.commandLine().getErr()),
                expected);
        ImportSummary s = r.summary();
        printStored(out, s, seconds(start));
        if (r.leftOver() > 0) {
            out.printf("  analysed first (left by an earlier run): %s%n", Plural.number(r.leftOver()));
        }
        if (s.added() > 0) {
            out.printf(
                    "  analysed:                  %s (types, tables, flags, PII) as they were stored%n",
                    Plural.number(s.added()));
            out.printf("  grouped duplicates:        %s as they were stored%n", Plural.of(s.added(), "pair"));
        }
        out.flush();
        return s;
    }

    private void printStored(PrintWriter out, ImportSummary s, double seconds) {
        out.printf(
                Locale.ROOT,
                "Imported %s from %s (batch %s) in %.1f s%n",
                Plural.of(s.added(), "pair"),
                Plural.of(files.size(), "file"),
                s.batch(),
                seconds);
        out.printf("  added:                     %s%n", Plural.number(s.added()));
        out.printf("  skipped (already present): %s%n", Plural.number(s.skipped()));
        out.printf("  malformed (not imported):  %s%n", Plural.number(s.malformed()));
        out.flush();
    }

    @Override
    public Integer call() {
        ImportFormat f;
        try {
            f = "auto".equalsIgnoreCase(format) ? null : ImportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserError(e.getMessage(), Cli.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        ImportSummary s;
        try (Database store = StoreAccess.open(database)) {
            long lastIdBefore = ValidationRun.lastStoredId(store);
            if (noAnalysis) {
                long start = System.nanoTime();
                s = new PairImporter(store, PairEnricher.NONE)
                        .importFiles(files, f, StoreAccess.folderOf(store), null, null);
                printStored(out, s, seconds(start));
            } else {
                s = importAnalysed(store, f, out);
                validateAdded(store, lastIdBefore, out);
            }
        }
        out.flush();
        if (s.malformed() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            for (ImportProblem p : s.problems()) {
                err.println("  " + p);
            }
            if (s.malformed() > s.problems().size()) {
                err.println("  ... and " + (s.malformed() - s.problems().size()) + " more");
            }
            if (s.reportFile() != null) {
                err.println("  all problems: " + s.reportFile());
            }
            err.flush();
        }
        return s.clean() ? Cli.OK : Cli.BAD_INPUT;
    }
}
