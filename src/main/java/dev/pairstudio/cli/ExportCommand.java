package dev.pairstudio.cli;

import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportException;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.export.SplitRatios;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.UserDataDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pairstudio export --format F --output PATH [options] [filters]}. An existing file is an
 * error unless {@code --overwrite} (or {@code --rename}). With {@code --profile NAME} the stored
 * profile is the starting point, options given here override it, and the result is saved under
 * that name (and remembered as the last used).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Export pairs: seed jsonl/json/csv, or a fine-tuning preset (openai, alpaca, sharegpt, spider, hf, or yours "
                        + "in <user data>/presets/*.json). Anonymized by default; the trash is never exported.")
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption database;

    @CommandLine.Mixin
    FilterOptions filters;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "jsonl, json, csv, openai, alpaca, sharegpt, spider (+ tables.json), hf, "
                    + "sql-create-context, openai-schema, bird (+ NAME_tables.json), dbgpt-alpaca or a user preset.")
    String format;

    /** The formats that are one file and can go to standard output. */
    private static final Set<String> STREAMABLE = Set.of("jsonl", "json", "csv");

    @Option(
            names = "--output",
            required = true,
            paramLabel = "PATH",
            description = "File to write (a folder for hf; - for standard output: jsonl, json, csv).")
    Path output;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "Start from this stored profile and save the options under it.")
    String profileName;

    @Option(
            names = "--split",
            paramLabel = "TRAIN/VAL/TEST",
            description = "Write train/validation/test files, e.g. 80/10/10.")
    String split;

    @Option(
            names = "--group-by",
            paramLabel = "template|database",
            description =
                    "template (default): keep together pairs that share a duplicate group, a near-duplicate question or a SQL template; "
                            + "database: also pairs of one database.")
    String groupBy;

    @Option(names = "--seed", paramLabel = "N", description = "Split seed (default 42).")
    Long seed;

    @Option(
            names = "--stratify",
            description =
                    "Balance complexity as well as query types over the splits (counts per stratum in the manifest).")
    Boolean stratify;

    @Option(names = "--gzip", description = "Compress the data files (.gz).")
    Boolean gzip;

    @Option(names = "--no-anonymize", description = "Export the original text (privacy policy off).")
    Boolean noAnonymize;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Privacy policy JSON (otherwise the database's policy, see pairstudio privacy show).")
    Path policy;

    @Option(names = "--accepted-only", description = "Only pairs a reviewer accepted.")
    Boolean acceptedOnly;

    @Option(
            names = "--keep-duplicates",
            description = "Keep exact duplicates (dropped by default, keeping the accepted, else the latest).")
    Boolean keepDuplicates;

    @Option(names = "--incremental", description = "Only pairs added or changed since the last export of --profile.")
    Boolean incremental;

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "Only these store ids.")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt for chat presets (\"\" for none).")
    String system;

    @Option(
            names = "--context-file",
            paramLabel = "FILE",
            description = "Schema or context text for presets that use it.")
    Path contextFile;

    @Option(
            names = "--schema-scope",
            paramLabel = "used|database",
            description =
                    "What {{schema}} holds: the tables the SQL uses (default) or every table of the pair's database.")
    String schemaScope;

    @Option(names = "--overwrite", description = "Replace existing files.")
    boolean overwrite;

    @Option(names = "--rename", description = "Write beside existing files under a free name (data (2).jsonl).")
    boolean rename;

    @Override
    public Integer call() throws IOException {
        if (overwrite && rename) {
            throw new Cli.UserError("--overwrite and --rename exclude each other", Cli.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database store = StoreAccess.open(database)) {
            ExportProfiles profiles = new ExportProfiles(store);
            ExportProfile base = profileName == null
                    ? ExportProfile.defaults(format == null ? "jsonl" : format)
                    : profiles.load(profileName)
                            .orElse(ExportProfile.defaults(format == null ? "jsonl" : format))
                            .withName(profileName);
            ExportProfile p = merge(base);
            DatasetExporter exporter =
                    new DatasetExporter(store, UserDataDirectory.get().resolve("presets")).releasingIndex();
            if (!exporter.formats().contains(p.format())) {
                throw new Cli.UserError(
                        "unknown --format \"" + p.format() + "\"; use one of " + String.join(", ", exporter.formats()),
                        Cli.USAGE);
            }
            if (p.incremental() && p.name() == null) {
                throw new Cli.UserError(
                        "--incremental needs --profile NAME (it exports what changed since that profile's last export)",
                        Cli.USAGE);
            }
            if (p.name() != null) {
                profiles.save(p);
            }
            ExportTargetPolicy policy = overwrite
                    ? ExportTargetPolicy.OVERWRITE
                    : rename ? ExportTargetPolicy.RENAME : ExportTargetPolicy.FAIL;
            boolean toStandardOutput = OutputFile.isStandardOutput(output);
            if (toStandardOutput && (!STREAMABLE.contains(p.format()) || p.split() != null)) {
                throw new Cli.UserError(
                        "--output - writes one jsonl, json or csv file to standard output; "
                                + "--split and the presets write several files: give a file or folder name",
                        Cli.USAGE);
            }
            // standard output: the export is made whole in a private folder first (JSON and CSV state counts the
            // exporter checks at the end), then copied out; no manifest goes anywhere
            Path staging = toStandardOutput ? Files.createTempDirectory("pairstudio-export-") : null;
            ExportResult r;
            try {
                r = exporter.export(
                        p,
                        toStandardOutput ? staging.resolve("export." + p.format()) : output,
                        policy,
                        ExportListener.NONE);
                if (toStandardOutput) {
                    try (OutputFile stdout = OutputFile.open(output)) {
                        Files.copy(r.files().get(0).path(), stdout.stream());
                        stdout.commit();
                    }
                    out = spec.commandLine().getErr(); // the summary must not mix with the data
                }
            } catch (ExportException e) {
                throw new Cli.UserError(e.getMessage());
            } finally {
                if (staging != null) {
                    try (var files = Files.list(staging)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(staging);
                }
            }
            out.printf(
                    Locale.ROOT,
                    "Exported %,d pairs (%s%s) in %.1f s%n",
                    r.written(),
                    p.format(),
                    p.anonymize() ? ", anonymized" : "",
                    r.elapsed().toMillis() / 1000.0);
            if (r.duplicates() > 0) {
                out.printf(Locale.ROOT, "Dropped %,d exact duplicates%n", r.duplicates());
            }
            if (!r.withheld().isEmpty()) {
                out.printf(
                        Locale.ROOT,
                        "Withheld %,d pairs that could not be anonymized safely (listed in the manifest):%n",
                        r.withheld().size());
                for (var w : r.withheld().subList(0, Math.min(10, r.withheld().size()))) {
                    out.printf(Locale.ROOT, "  %s: %s%n", w.pairId(), w.reason());
                }
            }
            for (ExportResult.FileEntry f : r.files()) {
                out.printf(
                        Locale.ROOT, "  %s  %,d pairs%n", toStandardOutput ? "standard output" : f.path(), f.pairs());
            }
            if (r.split() != null) {
                out.println("Split: " + r.split().summary());
                if (!r.split().strataOffQuota().isEmpty()) {
                    out.println("  off their shares by more than 1% (whole groups did not allow it): "
                            + String.join(", ", r.split().strataOffQuota()));
                }
                out.printf(
                        Locale.ROOT,
                        "Split check: %s (no exact or near-duplicate question, identical SQL, SQL template or "
                                + "duplicate group%s in two splits)%n",
                        r.splitCheck().summary(),
                        r.split().grouping() == SplitAssigner.Grouping.DATABASE ? ", or database" : "");
            }
            if (r.manifest() != null && !toStandardOutput) {
                out.println("  " + r.manifest());
            }

            out.flush();
        }
        return Cli.OK;
    }

    private ExportProfile merge(ExportProfile b) throws IOException {
        PairFilter filter = filters.toFilter();
        if (filter.trash()) {
            throw new Cli.UserError("the trash is never exported; restore the pairs first", Cli.USAGE);
        }
        if (!ids.isEmpty()) {
            filter = filter.withIds(new LinkedHashSet<>(ids));
        }
        boolean filterGiven = !filter.equals(PairFilter.ALL);
        SplitRatios ratios = b.split();
        if (split != null) {
            try {
                ratios = SplitRatios.parse(split);
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError("--split: " + e.getMessage(), Cli.USAGE);
            }
        }
        SplitAssigner.Grouping grouping = b.grouping();
        if (groupBy != null) {
            try {
                grouping = SplitAssigner.Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError("--group-by must be template or database, not \"" + groupBy + "\"", Cli.USAGE);
            }
        }
        String context = b.context();
        if (contextFile != null) {
            if (!Files.isRegularFile(contextFile)) {
                throw new Cli.UserError("--context-file " + contextFile + " is not a readable file");
            }
            context = Files.readString(contextFile);
        }
        return new ExportProfile(
                b.name(),
                format != null ? format : b.format(),
                filterGiven ? filter : b.filter(),
                acceptedOnly != null ? acceptedOnly : b.acceptedOnly(),
                noAnonymize != null ? !noAnonymize : b.anonymize(),
                policy != null ? policy.toAbsolutePath().toString() : b.policyFile(),
                ratios,
                seed != null ? seed : b.seed(),
                grouping,
                stratify != null ? stratify : b.stratify(),
                keepDuplicates != null ? !keepDuplicates : b.dedup(),
                gzip != null ? gzip : b.gzip(),
                system != null ? system : b.system(),
                context,
                incremental != null ? incremental : b.incremental(),
                b.outputFolder(),
                wholeSchema(b.wholeSchema()));
    }

    private boolean wholeSchema(boolean stored) {
        if (schemaScope == null) {
            return stored;
        }
        return switch (schemaScope.toLowerCase(Locale.ROOT)) {
            case "used" -> false;
            case "database" -> true;
            default ->
                throw new Cli.UserError(
                        "--schema-scope must be used or database, not \"" + schemaScope + "\"", Cli.USAGE);
        };
    }
}
