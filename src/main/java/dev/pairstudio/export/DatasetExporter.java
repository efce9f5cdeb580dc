package dev.pairstudio.export;

import dev.pairstudio.pair.AppVersion;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.InvalidRuleException;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.Pseudonymizer;
import dev.pairstudio.schema.SchemaContext;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Writes a training set to disk from a database cursor with constant memory: the seed's JSONL,
 * JSON and CSV, or a preset ({@link Preset}); optionally anonymized, deduplicated, split and
 * gzipped; atomically (temporary files in the target folder, fsync, rename; nothing partial on
 * failure or cancel); with a manifest beside the data. Never changes the store, except to
 * remember a named profile's last export time.
 */
public final class DatasetExporter {

    private final Database store;
    private final Path userPresets;
    /** Whether the store's index is let go once the export has asked it what it needs ({@link #releasingIndex}). */
    private boolean releaseIndex;
    /** How data files are opened; tests substitute a failing disk. */
    StagedFiles.OutputFactory outputs = AtomicFileOutput::open;

    /** @param userPresets folder of user preset files (may be null or missing) */
    public DatasetExporter(Database store, Path userPresets) {
        this.store = store;
        this.userPresets = userPresets;
    }

    /**
     * For a process that exports and ends (the CLI): the store's index (~110 MB at a million
     * pairs) is let go once the statistics, the count and the grouping's digest are taken, so that
     * a 256 MB heap holds the export's own work rather than collecting garbage around the index. A
     * window keeps its index: it needs it for the next page.
     */
    public DatasetExporter releasingIndex() {
        releaseIndex = true;
        return this;
    }

    /** The seed formats and every preset name this exporter knows. */
    public List<String> formats() {
        return ExportFormat.names(userPresets);
    }

    /** The filter an export of {@code profile} reads: never the trash; accepted only; changed since the last export. */
    public PairFilter effectiveFilter(ExportProfile profile) {
        PairFilter f = profile.filter().withTrash(false);
        if (profile.acceptedOnly()) {
            f = f.withStatuses(Set.of(ReviewStatus.ACCEPTED));
        }
        if (profile.incremental() && profile.name() != null) {
            Instant since = new ExportProfiles(store).lastExport(profile.name()).orElse(null);
            if (since != null) {
                f = f.withChangedSince(since);
            }
        }
        return f;
    }

    /**
     * Runs the export. {@code output} is a file, or for folder presets (hf) a folder; with splits
     * the files are {@code NAME.train.EXT} etc. beside it. The manifest is {@code FILE.manifest.json}
     * (in a folder: {@code manifest.json}).
     *
     * <p>Pairs added while it runs (the collector may be on) are left for the next export: it
     * writes the first N matching pairs in insertion order, N being their number when it began, so
     * that the counts in the file, its statistics and the manifest describe what it holds. Should
     * pairs be deleted or edited meanwhile so that a file stating its count (JSON) would be wrong,
     * the export starts over (at most {@link #ATTEMPTS} times).
     *
     * @throws ExportException with a one-line message; no partial file is left
     */
    public ExportResult export(
            ExportProfile profile, Path output, ExportTargetPolicy existing, ExportListener listener) {
        // pairs that cannot be anonymized safely, by row id: known before an attempt, they are left
        // out of the counts a file states up front
        Map<Long, ExportResult.Withheld> withheld = new ConcurrentSkipListMap<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return exportOnce(profile, output, existing, listener, withheld);
            } catch (Changed e) {
                if (attempt == ATTEMPTS) {
                    throw new ExportException(
                            "The pairs kept changing while they were exported (" + e.getMessage()
                                    + "); try again when the data is quiet. No file was written",
                            e);
                }
            }
        }
    }

    static final int ATTEMPTS = 3;

    /** A file that states its count would hold another number of pairs: the data changed under the export. */
    static final class Changed extends ExportException {
        Changed(String message) {
            super(message);
        }
    }

    private ExportResult exportOnce(
            ExportProfile profile,
            Path output,
            ExportTargetPolicy existing,
            ExportListener listener,
            Map<Long, ExportResult.Withheld> withheld) {
        Instant started = Timestamps.now();
        long t0 = System.nanoTime();
        ExportFormat format = ExportFormat.of(profile.format(), userPresets);
        SplitRatios ratios = profile.split() != null ? profile.split() : format.isFolder() ? SplitRatios.DEFAULT : null;
        Anonymizer anonymizer = profile.anonymize() ? anonymizer(profile) : null;
        SchemaContext schemas = format.needsSchemas() ? SchemaContext.of(store, profile.wholeSchema()) : null;
        ExportTargets targets = ExportTargets.plan(
                format, output.toAbsolutePath().normalize(), ratios != null, profile.gzip(), existing);
        ExportScope scope =
                ExportScope.plan(store, effectiveFilter(profile), profile, ratios, releaseIndex, listener::isCancelled);
        if (scope == null) {
            throw new ExportException.Cancelled();
        }
        SplitAudit check = scope.split() == null ? null : PlannedSplitAudit.start(scope.split(), SPLIT_CHECK_EXAMPLES);
        String system = profile.system() != null ? profile.system() : format.system();
        try (StagedFiles files = new StagedFiles(targets)) {
            files.openData(
                    outputs,
                    profile.gzip(),
                    t -> scope.count(t, withheld.keySet()),
                    (out, stated) -> format.open(
                            out,
                            new ExportWriters.Context(started, stated, scope.statistics(), system, profile.context())));
            PairsToFiles pairs = new PairsToFiles(
                    scope, files, anonymizer, schemas, withheld, check, format.writesSchemaFile(), profile.stratify());
            long done = pairs.run(store, listener, t0);
            if (listener.isCancelled()) {
                throw new ExportException.Cancelled();
            }
            if (format.statesCount) {
                files.checkStatedCounts();
            }
            files.finishData();
            SplitAudit.Report checked = check == null ? null : checkSplit(check, scope.split(), withheld.keySet());
            String schemaJson = pairs.databases != null ? pairs.databases.tablesJson(schemas) : null;
            AtomicFileOutput schemaOut = schemaJson == null ? null : files.writeSchemaFile(schemaJson);
            targets.checkStillFree(existing);
            List<ExportResult.FileEntry> entries = files.entries();
            Map<String, Long> splits = new LinkedHashMap<>();
            entries.forEach(f -> splits.put(f.split(), f.pairs()));
            List<ExportResult.Withheld> withheldPairs = List.copyOf(withheld.values());
            ExportManifest manifest = ExportManifest.of(
                    profile, format.name, scope, ratios, entries, pairs.perType, started, anonymizer, withheldPairs);
            if (scope.split() != null) {
                manifest.describeSplit(scope.split(), checked);
            }
            if (schemaOut != null) {
                manifest.describeSchemaFile(targets.schemaFile(), pairs.databases.size(), schemaOut);
            }
            files.writeManifest(manifest);
            String card = targets.folder() == null
                    ? null
                    : ExportDatasetCard.of(
                            profile,
                            format.name,
                            scope.split(),
                            checked,
                            scope.statistics(),
                            entries,
                            AppVersion.get(),
                            started);
            Path manifestPath = files.publish(existing == ExportTargetPolicy.OVERWRITE, card);
            if (profile.name() != null) {
                ExportProfiles profiles = new ExportProfiles(store);
                profiles.setLastExport(profile.name(), started);
                profiles.markUsed(profile.name());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            long dropped =
                    scope.kept() == null ? 0 : scope.drop().size(); // a scope read by id never offers the dropped pairs
            listener.progress(new ExportProgress(done + dropped, scope.total(), elapsed));
            return new ExportResult(
                    pairs.written,
                    scope.drop().size(),
                    splits,
                    entries,
                    manifestPath,
                    elapsed,
                    withheldPairs,
                    scope.split(),
                    checked);
        } catch (ExportException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw targets.failure(e.getCause());
        } catch (IOException e) {
            throw targets.failure(e);
        }
    }

    static final int SPLIT_CHECK_EXAMPLES = 5;

    /** The post-pass: nothing may cross the planned splits; when something does, the export stops and says what. */
    private SplitAudit.Report checkSplit(SplitAudit check, SplitPlan plan, Set<Long> withheld) {
        SplitAudit.Report r;
        try {
            r = check.finish(PlannedSplitAudit.source(store, plan, withheld::contains));
        } catch (IllegalStateException e) {
            throw new Changed("pairs were deleted while the split was checked");
        }
        if (!r.clean()) {
            SplitAudit.Example first = r.crossings().stream()
                    .filter(c -> r.failing().contains(c.kind()) && !c.examples().isEmpty())
                    .map(c -> c.examples().get(0))
                    .findFirst()
                    .orElse(null);
            throw new ExportException("Export stopped: the split check found " + r.summary()
                    + (first == null ? "" : " (for example " + first.firstWhere() + " and " + first.secondWhere() + ")")
                    + ". No file was written; run the duplicate grouping again (open the window, or import) and retry, "
                    + "and report it if it persists");
        }
        return r;
    }

    /**
     * The one-click export: the last used profile (seed JSONL with the defaults when there is
     * none) into a new timestamped file in the profile's output folder, else {@code defaultFolder}.
     */
    public ExportResult exportLastUsed(Path defaultFolder, ExportListener listener) {
        ExportProfiles profiles = new ExportProfiles(store);
        ExportProfile profile = profiles.lastUsed().flatMap(profiles::load).orElse(ExportProfile.defaults("jsonl"));
        ExportFormat format = ExportFormat.of(profile.format(), userPresets);
        Path folder = profile.outputFolder() != null ? Path.of(profile.outputFolder()) : defaultFolder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ExportException("Cannot create the export folder " + folder + ": " + e.getMessage(), e);
        }
        String name = ExportProfiles.timestampedName(profile, format.extension, Timestamps.now());
        if (format.isFolder()) {
            name = ExportTargets.stem(name);
        }
        return export(profile, folder.resolve(name), ExportTargetPolicy.RENAME, listener);
    }

    private Anonymizer anonymizer(ExportProfile profile) {
        try {
            Policy policy = profile.policyFile() == null
                    ? PrivacySettings.policy(store)
                    : Policy.load(Path.of(profile.policyFile()));
            return new Anonymizer(policy, new Pseudonymizer(store.privacySecret(), policy.phoneRegions()));
        } catch (InvalidRuleException e) {
            throw new ExportException(
                    "Privacy policy " + (profile.policyFile() == null ? "" : profile.policyFile() + ": ")
                            + e.getMessage(),
                    e);
        }
    }
}
