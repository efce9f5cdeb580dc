package dev.pairstudio.cli;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.DatasetCopy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate --from DB --to DB}: copies a whole dataset between an H2 file and a PostgreSQL
 * team database (either way, or between two of a kind), then prints each table's row counts and
 * checksums as read from the source and back from the target.
 */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "migrate",
        description = {
            "Copy a whole dataset (pairs with review status, notes and edits, the trash, analysis, settings "
                    + "and the privacy secret) between databases: an H2 file and a PostgreSQL team database, either way.",
            "The target must hold no pairs (or give --replace). Counts and checksums of every table are verified."
        })
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DB",
            description = "The database to copy: an H2 file or a postgresql:// URL.")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DB",
            description =
                    "The database to fill (created when an H2 file is absent; " + "a PostgreSQL database must exist).")
    String to;

    @Option(names = "--replace", description = "Delete what the target holds before copying.")
    boolean replace;

    @Option(
            names = "--keep-target-secret",
            description = "Keep the target's own privacy secret: its exports then get other "
                    + "pseudonyms than the source's. By default the secret is copied so that pseudonyms stay the same.")
    boolean keepTargetSecret;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database source = StoreAccess.open(from);
                Database target = StoreAccess.open(to)) {
            out.printf("Copying %s to %s%n", source.location(), target.location());
            out.flush();
            long[] lastShown = {0};
            DatasetCopy.Report report = DatasetCopy.copy(source, target, replace, keepTargetSecret, n -> {
                if (n - lastShown[0] >= 100_000) {
                    lastShown[0] = n;
                    out.printf("  %,d rows%n", n);
                    out.flush();
                }
            });
            out.printf(
                    "%-10s %12s %12s  %-16s %-16s%n",
                    "table", "source rows", "target rows", "source checksum", "target checksum");
            for (DatasetCopy.TableCheck t : report.tables()) {
                out.printf(
                        "%-10s %12d %12d  %-16s %-16s %s%n",
                        t.table(),
                        t.sourceRows(),
                        t.targetRows(),
                        t.sourceChecksum(),
                        t.targetChecksum(),
                        t.matches() ? "ok" : "MISMATCH");
            }
            out.flush();
            if (!report.verified()) {
                throw new Cli.UserError("The copy in " + target.location() + " does not match " + source.location()
                        + " (see the table above); copy again with --replace");
            }
            out.printf("Verified: every table of %s matches %s%n", target.location(), source.location());
            out.flush();
        }
        return Cli.OK;
    }
}
