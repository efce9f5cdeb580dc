package dev.pairstudio.cli;

import dev.pairstudio.io.ImportFormat;
import dev.pairstudio.io.ImportProblem;
import dev.pairstudio.io.ImportSummary;
import dev.pairstudio.io.AnalyzingEnricher;
import dev.pairstudio.io.DuplicateTracker;
import dev.pairstudio.io.PairImporter;
import dev.pairstudio.store.PairStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code import FILE... [--format ...]}: exit 1 when any record was malformed. */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "import", description = "Import pairs from JSONL, JSON, CSV, Spider or BIRD files.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto (by extension and content), jsonl, json, csv, spider or bird. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        ImportFormat f;
        try {
            f = "auto".equalsIgnoreCase(format) ? null : ImportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserError(e.getMessage(), Cli.USAGE);
        }
        ImportSummary s;
        try (PairStore store = StoreAccess.open(database); AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            s = new PairImporter(store, enricher).importFiles(files, f, StoreAccess.folderOf(store), null, null);
            if (s.added() > 0) {
                new DuplicateTracker(store).catchUp();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Imported %d pair%s from %d file%s (batch %s)%n", s.added(), s.added() == 1 ? "" : "s",
                files.size(), files.size() == 1 ? "" : "s", s.batch());
        out.printf("  added:                     %d%n", s.added());
        out.printf("  skipped (already present): %d%n", s.skipped());
        out.printf("  malformed (not imported):  %d%n", s.malformed());
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
