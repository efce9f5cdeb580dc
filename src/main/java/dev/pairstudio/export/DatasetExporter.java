package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.AppVersion;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.InvalidRuleException;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.Pseudonymizer;
import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.SchemaContext;
import dev.pairstudio.schema.SpiderTablesWriter;
import dev.pairstudio.settings.PairFilterJson;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.stats.SeedJson;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StoredPair;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Writes a training set to disk from a database cursor with constant memory: the seed's JSONL,
 * JSON and CSV, or a preset ({@link Preset}); optionally anonymized, deduplicated, split and
 * gzipped; atomically (temporary files in the target folder, fsync, rename; nothing partial on
 * failure or cancel); with a manifest beside the data. Never changes the store, except to
 * remember a named profile's last export time.
 */
public final class DatasetExporter {

    private final PairStore store;
    private final Path userPresets;
    /** Whether the store's index is let go once the export has asked it what it needs ({@link #releasingIndex}). */
    private boolean releaseIndex;
    /** How data files are opened; tests substitute a failing disk. */
    OutputFactory outputs = AtomicFileOutput::open;

    interface OutputFactory {
        AtomicFileOutput open(Path target, boolean gzip) throws IOException;
    }

    /** @param userPresets folder of user preset files (may be null or missing) */
    public DatasetExporter(PairStore store, Path userPresets) {
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
        List<String> all = new ArrayList<>(List.of("jsonl", "json", "csv"));
        all.addAll(Preset.available(userPresets).keySet());
        return all;
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
    public ExportResult export(ExportProfile profile, Path output, ExportTargetPolicy existing, ExportListener listener) {
        // pairs that cannot be anonymized safely, by row id: known before an attempt, they are left
        // out of the counts a file states up front
        Map<Long, ExportResult.Withheld> withheld = new ConcurrentSkipListMap<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return exportOnce(profile, output, existing, listener, withheld);
            } catch (Changed e) {
                if (attempt == ATTEMPTS) {
                    throw new ExportException("The pairs kept changing while they were exported (" + e.getMessage()
                            + "); try again when the data is quiet. No file was written", e);
                }
            }
        }
    }

    static final int ATTEMPTS = 3;

    /** A file that states its count would hold another number of pairs: the data changed under the export. */
    private static final class Changed extends ExportException {
        Changed(String message) {
            super(message);
        }
    }

    private ExportResult exportOnce(ExportProfile profile, Path output, ExportTargetPolicy existing, ExportListener listener,
            Map<Long, ExportResult.Withheld> withheld) {
        Instant started = Timestamps.now();
        long t0 = System.nanoTime();
        Format format = resolve(profile);
        PairFilter filter = effectiveFilter(profile);
        SplitRatios ratios = profile.split() != null ? profile.split()
                : format.preset != null && format.preset.layout() == Preset.Layout.FOLDER ? SplitRatios.DEFAULT : null;
        Anonymizer anonymizer = profile.anonymize() ? anonymizer(profile) : null;
        boolean schemaFile = format.preset != null && format.preset.schemaFile() != null;
        SchemaContext schemas = format.preset != null && (format.preset.template().usesSchema() || schemaFile)
                ? SchemaContext.of(store, profile.wholeSchema()) : null;
        // exported (possibly anonymized) database name -> the stored name whose schema the schema file writes under it
        Map<String, String> exportedDatabases = new LinkedHashMap<>();

        Plan plan = plan(format, output.toAbsolutePath().normalize(), ratios != null, profile.gzip(), existing);
        AtomicFileOutput schemaOut = null;
        // Duplicates first, then the statistics: both then describe pairs that the first `total` include.
        Scope scope = profile.dedup() && releaseIndex ? scopeLessDuplicates(store, filter) : null;
        IdSet drop = scope != null ? scope.drop() : profile.dedup() ? duplicatesToDrop(store, filter) : IdSet.EMPTY;
        Statistics statistics = Statistics.compute(store, filter);
        long total = statistics.totalPairs();
        // the ids read are what the statistics count unless pairs came or went in between: then the scope is read again
        long[] kept = scope != null && scope.read() == total ? scope.kept() : null;
        // the split: components planned over the scope first, checked as the pairs are written (SplitAssigner, SplitAudit).
        // Near duplicates are kept together through the store's duplicate groups: bring them up to date first, as opening
        // the window does (nothing to do after an import, or with the window open and caught up).
        if (ratios != null) {
            new DuplicateTracker(store).catchUpIfChanged();
        }
        if (releaseIndex) {
            store.releaseIndex(); // from here on only streams in insertion order, which need no index
        }
        SplitAssigner.Plan split = ratios == null ? null : SplitAssigner.plan(store, filter, total, drop, ratios, profile.seed(),
                profile.grouping(), profile.stratify(), listener::isCancelled);
        if (ratios != null && split == null) {
            throw new ExportException.Cancelled();
        }
        SplitAudit check = split == null ? null : PlannedSplitAudit.start(split, SPLIT_CHECK_EXAMPLES);
        String system = profile.system() != null ? profile.system() : format.preset == null ? null : format.preset.system();
        List<Open> opened = new ArrayList<>();
        AtomicFileOutput manifestOut = null;
        Path stagingFolder = null;
        try {
            if (plan.folder != null) {
                stagingFolder = Files.createTempDirectory(plan.folder.getParent(), "." + plan.folder.getFileName() + ".");
            }
            for (Target t : plan.files) {
                Path where = stagingFolder != null ? stagingFolder.resolve(t.path.getFileName()) : t.path;
                AtomicFileOutput out = outputs.open(where, profile.gzip());
                long count = split == null ? total - drop.size() - withheld.size()
                        : split.count(t.split) - withheld.keySet().stream().filter(id -> split.splitOf(id) == t.split).count();
                ExportWriters.Context ctx = new ExportWriters.Context(started, count, statistics, system, profile.context());
                opened.add(new Open(t, out, format.open.apply(new OpenArgs(out.stream(), ctx)), count));
            }
            Map<SplitAssigner.Split, Open> bySplit = new EnumMap<>(SplitAssigner.Split.class);
            for (Open o : opened) {
                if (o.target.split != null) {
                    bySplit.put(o.target.split, o);
                }
            }
            Map<String, Map<String, Long>> perType = new LinkedHashMap<>();
            long[] written = {0};
            int workers = anonymizer == null ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
            ExportPipeline.Source pairs = kept == null ? action -> store.forEach(filter, PairSort.INSERTION, action)
                    : action -> store.forEachById(kept, p -> {
                        if (!p.inTrash()) { // trashed since the scope was read
                            action.accept(p);
                        }
                    });
            long[] done = {ExportPipeline.run(pairs, total, workers, p -> {
                if (drop.contains(p.id()) || withheld.containsKey(p.id())) {
                    return null;
                }
                SplitAssigner.Split s = split == null ? null : split.splitOf(p.id());
                if (split != null && s == null) {
                    throw new Changed("pair " + p.pair().pairId() + " was not there when the split was planned");
                }
                ExportRecord r;
                try {
                    r = record(p, anonymizer, schemas);
                } catch (AnonymizationException e) {
                    // withheld, never written raw: the manifest and the summary name the pair and why
                    withheld.put(p.id(), new ExportResult.Withheld(p.pair().pairId(), e.reason()));
                    return null;
                }
                return new ExportPipeline.Item(r, s, s == null ? null : PlannedSplitAudit.entry(p, split));
            }, item -> {
                Open o = item.split() == null ? opened.get(0) : bySplit.get(item.split());
                o.writer.write(item.record());
                o.count++;
                if (schemaFile) {
                    noteDatabase(exportedDatabases, item.record());
                }
                written[0]++;
                if (check != null) {
                    check.add(item.split().label, item.audited());
                }
                if (profile.stratify()) {
                    perType.computeIfAbsent(o.target.label(), k -> new LinkedHashMap<>())
                            .merge(item.record().queryType().name(), 1L, Long::sum);
                }
            }, listener, total, t0)};
            if (listener.isCancelled()) {
                throw new ExportException.Cancelled();
            }
            if (format.needsCount) {
                for (Open o : opened) {
                    if (o.count != o.stated) {
                        throw new Changed(o.target.label() + ": " + o.stated + " pairs counted, " + o.count + " found");
                    }
                }
            }
            for (Open o : opened) {
                o.writer.finish();
            }
            SplitAudit.Report checked = check == null ? null : checkSplit(check, split, withheld.keySet());
            String schemaJson = schemaFile ? schemaFile(exportedDatabases, schemas) : null;
            if (schemaJson != null) {
                Path where = stagingFolder != null ? stagingFolder.resolve(plan.schemaFile.getFileName()) : plan.schemaFile;
                schemaOut = AtomicFileOutput.open(where, false);
                schemaOut.stream().write(schemaJson.getBytes(StandardCharsets.UTF_8));
                schemaOut.finish();
            }
            if (plan.folder == null) {
                checkTargets(plan, existing);
            }
            List<ExportResult.FileEntry> files = new ArrayList<>();
            Map<String, Long> splits = new LinkedHashMap<>();
            for (Open o : opened) {
                o.out.finish();
                Path finalPath = plan.folder != null ? plan.folder.resolve(o.target.path.getFileName()) : o.target.path;
                files.add(new ExportResult.FileEntry(finalPath, o.target.label(), o.count, o.out.bytes(), o.out.sha256()));
                splits.put(o.target.label(), o.count);
            }
            List<ExportResult.Withheld> withheldPairs = List.copyOf(withheld.values());
            ObjectNode manifest = manifest(profile, format, filter, ratios, statistics, drop.size(), files, perType, started,
                    anonymizer, withheldPairs);
            if (split != null) {
                SplitManifest.describe((ObjectNode) manifest.get("split"), split, checked);
            }
            if (schemaOut != null) {
                ObjectNode sf = manifest.putObject("schema_file");
                sf.put("name", plan.schemaFile.getFileName().toString());
                sf.put("databases", exportedDatabases.size());
                sf.put("scope", "whole database");
                sf.put("bytes", schemaOut.bytes());
                sf.put("sha256", schemaOut.sha256());
            }
            Path manifestPath = stagingFolder != null ? stagingFolder.resolve("manifest.json") : plan.manifest;
            manifestOut = manifestPath == null ? null : writeSmall(manifestPath, SeedJson.FACTORY, manifest);
            // Every byte is on disk (a full disk has failed by now): only renames are left, data files first.
            boolean replace = existing == ExportTargetPolicy.OVERWRITE;
            for (Open o : opened) {
                o.out.publish(replace);
            }
            if (schemaOut != null) {
                schemaOut.publish(replace);
            }
            if (manifestOut != null) {
                manifestOut.publish(replace);
            }
            if (plan.folder != null) {
                writeText(stagingFolder.resolve("README.md"),
                        ExportDatasetCard.of(profile, format.name, split, checked, statistics, files, AppVersion.get(), started));
                swapFolder(stagingFolder, plan.folder, existing == ExportTargetPolicy.OVERWRITE);
                stagingFolder = null;
                manifestPath = plan.folder.resolve("manifest.json");
            }
            if (profile.name() != null) {
                ExportProfiles profiles = new ExportProfiles(store);
                profiles.setLastExport(profile.name(), started);
                profiles.markUsed(profile.name());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            listener.progress(new ExportProgress(done[0] + (kept == null ? 0 : drop.size()), total, elapsed));
            return new ExportResult(written[0], drop.size(), splits, files, manifestPath, elapsed, withheldPairs, split, checked);
        } catch (ExportException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw ioFailure(e.getCause(), plan);
        } catch (IOException e) {
            throw ioFailure(e, plan);
        } finally {
            for (Open o : opened) {
                o.out.abort(); // no-op after commit
            }
            if (manifestOut != null) {
                manifestOut.abort();
            }
            if (schemaOut != null) {
                schemaOut.abort();
            }
            if (stagingFolder != null) {
                deleteTree(stagingFolder);
            }
        }
    }

    static final int SPLIT_CHECK_EXAMPLES = 5;

    /** The post-pass: nothing may cross the planned splits; when something does, the export stops and says what. */
    private SplitAudit.Report checkSplit(SplitAudit check, SplitAssigner.Plan plan, Set<Long> withheld) {
        SplitAudit.Report r;
        try {
            r = check.finish(PlannedSplitAudit.source(store, plan, withheld::contains));
        } catch (IllegalStateException e) {
            throw new Changed("pairs were deleted while the split was checked");
        }
        if (!r.clean()) {
            SplitAudit.Example first = r.crossings().stream().filter(c -> r.failing().contains(c.kind()) && !c.examples().isEmpty())
                    .map(c -> c.examples().get(0)).findFirst().orElse(null);
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
        Format format = resolve(profile);
        Path folder = profile.outputFolder() != null ? Path.of(profile.outputFolder()) : defaultFolder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ExportException("Cannot create the export folder " + folder + ": " + e.getMessage(), e);
        }
        String name = ExportProfiles.timestampedName(profile, format.extension, Timestamps.now());
        if (format.preset != null && format.preset.layout() == Preset.Layout.FOLDER) {
            name = stem(name);
        }
        return export(profile, folder.resolve(name), ExportTargetPolicy.RENAME, listener);
    }

    // ---- records ------------------------------------------------------------------------

    /** What a stored pair becomes in an export: anonymized when asked, with its statement type. */
    static ExportRecord record(StoredPair p, Anonymizer anonymizer) {
        return record(p, anonymizer, null);
    }

    /** @param schemas the CREATE TABLE context by the pair's original database name (before anonymization); null: none */
    static ExportRecord record(StoredPair p, Anonymizer anonymizer, SchemaContext schemas) {
        Pair pair = p.pair();
        String source = pair.databaseName();
        String schema = schemas == null ? null : schemas.createTables(pair.databaseName(), pair.tableNames());
        QueryType type = p.analysis().queryType() != null ? p.analysis().queryType() : StatGroup.guessType(pair.sql());
        if (anonymizer != null) {
            try {
                pair = anonymizer.anonymize(pair).applyTo(pair);
            } catch (AnonymizationException e) {
                throw new AnonymizationException("pair " + pair.pairId(), e);
            }
        }
        return new ExportRecord(pair, type, schema, source);
    }

    /** Remembers which stored database an exported database name stands for; two becoming one name cannot share a schema file. */
    private static void noteDatabase(Map<String, String> exported, ExportRecord r) {
        String name = r.pair().databaseName();
        if (name == null || name.isBlank() || r.sourceDatabase() == null) {
            return;
        }
        String before = exported.putIfAbsent(name, r.sourceDatabase());
        if (before != null && !before.equals(r.sourceDatabase())) {
            throw new ExportException("The databases " + before + " and " + r.sourceDatabase() + " are both exported as \"" + name
                    + "\" under the privacy policy, so the schema file cannot tell their tables apart; let the policy pseudonymize "
                    + "database names (one surrogate per name) or export without anonymization. No file was written");
        }
    }

    /** The Spider/BIRD tables.json text for the exported databases that have a stored schema; null when none has. */
    private static String schemaFile(Map<String, String> exported, SchemaContext schemas) {
        List<DatabaseSchema> found = new ArrayList<>();
        exported.forEach((name, source) -> {
            DatabaseSchema s = schemas.schema(source);
            if (s != null) {
                found.add(s.named(name));
            }
        });
        return found.isEmpty() ? null : SpiderTablesWriter.write(found);
    }

    private Anonymizer anonymizer(ExportProfile profile) {
        try {
            Policy policy = profile.policyFile() == null ? PrivacySettings.policy(store) : Policy.load(Path.of(profile.policyFile()));
            return new Anonymizer(policy, new Pseudonymizer(store.privacySecret(), policy.phoneRegions()));
        } catch (InvalidRuleException e) {
            throw new ExportException("Privacy policy " + (profile.policyFile() == null ? "" : profile.policyFile() + ": ")
                    + e.getMessage(), e);
        }
    }

    /**
     * The ids of exact duplicates to leave out: among the pairs flagged {@link QualityFlag#DUPLICATE},
     * those with the same duplicate group, question and SQL as another; the accepted one stays,
     * else the latest. Memory grows with the flagged pairs only: per distinct text the one kept
     * ({@link Kept}, not the whole pair), per dropped pair its id.
     */
    static IdSet duplicatesToDrop(PairStore store, PairFilter filter) {
        DuplicateDrop drop = new DuplicateDrop();
        // the scope's own flags stay: they narrow it (flags combine with AND), and dropping beyond it miscounts
        Set<QualityFlag> flags = EnumSet.of(QualityFlag.DUPLICATE);
        flags.addAll(filter.flags());
        store.forEach(filter.withFlags(flags), PairSort.INSERTION, drop::offer);
        return drop.build();
    }

    /**
     * {@link #duplicatesToDrop} from one reading of the whole scope, which also yields the ids
     * the export then writes: with no index (the CLI) the flagged pairs cost a full reading
     * anyway, and a scope of mostly duplicates is written from a lookup of the few it keeps.
     */
    private static Scope scopeLessDuplicates(PairStore store, PairFilter filter) {
        DuplicateDrop drop = new DuplicateDrop();
        long[][] ids = {new long[1024]};
        int[] n = {0};
        store.forEach(filter, PairSort.INSERTION, p -> {
            if (p.analysis().flags().contains(QualityFlag.DUPLICATE)) {
                drop.offer(p);
            }
            if (n[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
            }
            ids[0][n[0]++] = p.id();
        });
        IdSet dropped = drop.build();
        long[] kept = new long[n[0] - dropped.size()];
        for (int i = 0, k = 0; i < n[0]; i++) {
            if (!dropped.contains(ids[0][i])) {
                kept[k++] = ids[0][i];
            }
        }
        return new Scope(n[0], dropped, kept);
    }

    /** @param read pairs in the scope when it was read; @param kept their ids less {@code drop}, ascending */
    private record Scope(long read, IdSet drop, long[] kept) {
    }

    /** Decides between exact duplicates as they come: per (group, question, SQL) the best so far is kept. */
    private static final class DuplicateDrop {
        private final Map<List<Object>, Kept> keep = new HashMap<>();
        private final IdSet.Builder drop = new IdSet.Builder();

        void offer(StoredPair p) {
            List<Object> key = Arrays.asList(p.analysis().duplicateGroup(), p.pair().question(), p.pair().sql());
            Kept candidate = new Kept(p.id(), p.status() == ReviewStatus.ACCEPTED, p.pair().timestamp());
            Kept current = keep.get(key);
            if (current == null) {
                keep.put(key, candidate);
            } else if (Kept.BETTER.compare(candidate, current) > 0) {
                drop.add(current.id());
                keep.put(key, candidate);
            } else {
                drop.add(p.id());
            }
        }

        IdSet build() {
            return drop.build();
        }
    }

    /** What deciding between exact duplicates needs of the one kept so far. */
    private record Kept(long id, boolean accepted, Instant timestamp) {
        static final Comparator<Kept> BETTER = Comparator.comparing(Kept::accepted)
                .thenComparing(Kept::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Kept::id);
    }

    // ---- formats and targets ------------------------------------------------------------

    private record OpenArgs(OutputStream out, ExportWriters.Context ctx) {
    }

    private interface Opener {
        ExportWriters.Writer0 apply(OpenArgs a) throws IOException;
    }

    private static final class Format {
        String name;
        String extension;
        Preset preset;
        boolean needsCount;
        Opener open;
    }

    private Format resolve(ExportProfile profile) {
        Format f = new Format();
        f.name = profile.format();
        switch (profile.format()) {
            case "jsonl" -> {
                f.extension = "jsonl";
                f.open = a -> new ExportWriters.Jsonl(a.out());
            }
            case "json" -> {
                f.extension = "json";
                f.needsCount = true;
                f.open = a -> new ExportWriters.Json(a.out(), a.ctx());
            }
            case "csv" -> {
                f.extension = "csv";
                f.open = a -> new ExportWriters.Csv(a.out());
            }
            default -> {
                Preset p = Preset.find(profile.format(), userPresets).orElseThrow(() -> new ExportException(
                        "Unknown format \"" + profile.format() + "\"; use one of " + String.join(", ", formats())));
                f.preset = p;
                f.extension = p.extension();
                f.open = a -> new PresetWriter(p, a.out(), a.ctx().system(), a.ctx().context());
            }
        }
        return f;
    }

    private record Target(Path path, SplitAssigner.Split split) {
        String label() {
            return split == null ? "all" : split.label;
        }
    }

    /** @param schemaFile the tables.json beside the data, null when the preset writes none */
    private record Plan(List<Target> files, Path manifest, Path folder, Path schemaFile) {
        Plan(List<Target> files, Path manifest, Path folder) {
            this(files, manifest, folder, null);
        }
    }

    private static final class Open {
        final Target target;
        final AtomicFileOutput out;
        final ExportWriters.Writer0 writer;
        /** The count the file states (JSON's total_pairs), when the format states one. */
        final long stated;
        long count;

        Open(Target target, AtomicFileOutput out, ExportWriters.Writer0 writer, long stated) {
            this.target = target;
            this.out = out;
            this.writer = writer;
            this.stated = stated;
        }
    }

    private Plan plan(Format format, Path output, boolean split, boolean gzip, ExportTargetPolicy existing) {
        String gz = gzip ? ".gz" : "";
        if (format.preset != null && format.preset.layout() == Preset.Layout.FOLDER) {
            Path folder = output;
            if (Files.exists(folder)) {
                if (existing == ExportTargetPolicy.FAIL) {
                    throw new ExportException.TargetExists(folder.toString());
                }
                if (existing == ExportTargetPolicy.RENAME) {
                    folder = freeName(folder);
                }
            }
            checkFolder(folder.getParent());
            List<Target> files = new ArrayList<>();
            for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
                files.add(new Target(folder.resolve(s.label + "." + format.extension + gz), s));
            }
            Path schema = format.preset.schemaFile() == null ? null
                    : folder.resolve(format.preset.schemaFile().replace("{name}", folder.getFileName().toString()));
            return new Plan(files, folder.resolve("manifest.json"), folder, schema);
        }
        checkFolder(output.getParent());
        String file = output.getFileName().toString();
        if (gzip && !file.endsWith(".gz")) {
            file = file + ".gz";
        }
        Path base = output.resolveSibling(file);
        for (int attempt = 1; ; attempt++) {
            List<Target> files = new ArrayList<>();
            Path candidate = attempt == 1 ? base : freeNameAt(base, attempt);
            if (split) {
                String stem = stem(candidate.getFileName().toString());
                for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
                    files.add(new Target(candidate.resolveSibling(stem + "." + s.label + "." + format.extension + gz), s));
                }
            } else {
                files.add(new Target(candidate, null));
            }
            // a FIFO or device (/dev/stdout) is written through, and no manifest lands beside it (in /dev, say)
            Path manifest = !split && AtomicFileOutput.isStream(candidate) ? null
                    : candidate.resolveSibling((split ? stem(candidate.getFileName().toString()) : candidate.getFileName().toString())
                    + ".manifest.json");
            Plan plan = new Plan(files, manifest, null);
            String pattern = format.preset == null ? null : format.preset.schemaFile();
            if (pattern != null) {
                String stem = stem(candidate.getFileName().toString());
                Path schema = candidate.resolveSibling(pattern.replace("{name}", stem));
                // a fixed name (tables.json) does not move with the data file's "(2)": it gets its own free name
                if (!pattern.contains("{name}") && Files.exists(schema) && existing == ExportTargetPolicy.RENAME) {
                    schema = freeName(schema);
                }
                plan = new Plan(files, manifest, null, schema);
            }
            Path taken = firstExisting(plan);
            if (taken == null || existing == ExportTargetPolicy.OVERWRITE) {
                return plan;
            }
            if (existing == ExportTargetPolicy.FAIL) {
                throw new ExportException.TargetExists(taken.toString());
            }
        }
    }

    private static void checkTargets(Plan plan, ExportTargetPolicy existing) {
        Path taken = firstExisting(plan);
        if (taken != null && existing != ExportTargetPolicy.OVERWRITE) {
            throw new ExportException.TargetExists(taken.toString()); // appeared while we were writing
        }
    }

    private static Path firstExisting(Plan plan) {
        for (Target t : plan.files) {
            if (Files.exists(t.path) && !AtomicFileOutput.isStream(t.path)) { // writing to a stream replaces nothing
                return t.path;
            }
        }
        if (plan.schemaFile != null && plan.folder == null && Files.exists(plan.schemaFile)) {
            return plan.schemaFile;
        }
        return plan.manifest != null && Files.exists(plan.manifest) ? plan.manifest : null;
    }

    private static void checkFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ExportException("The folder " + folder + " does not exist; create it first or choose another");
        }
        if (!Files.isWritable(folder)) {
            throw new ExportException("Cannot write to the folder " + folder + ": permission denied");
        }
    }

    /** "data.jsonl" -> "data"; "data.jsonl.gz" -> "data". */
    static String stem(String file) {
        String f = file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static Path freeNameAt(Path base, int n) {
        String file = base.getFileName().toString();
        String stem = stem(file);
        return base.resolveSibling(stem + " (" + n + ")" + file.substring(stem.length()));
    }

    private static Path freeName(Path base) {
        for (int n = 2; ; n++) {
            Path p = freeNameAt(base, n);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    private ExportException ioFailure(IOException e, Plan plan) {
        Path where = plan.folder != null ? plan.folder : plan.files.get(0).path;
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "the folder does not exist";
        } else if (e instanceof FileAlreadyExistsException exists) {
            return new ExportException.TargetExists(exists.getFile() == null ? where.toString() : exists.getFile());
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new ExportException("Cannot write " + where + ": " + reason + ". No file was written", e);
    }

    // ---- manifest and small files -------------------------------------------------------

    private ObjectNode manifest(ExportProfile profile, Format format, PairFilter filter, SplitRatios ratios,
            Statistics statistics, int duplicates, List<ExportResult.FileEntry> files, Map<String, Map<String, Long>> perType,
            Instant started, Anonymizer anonymizer, List<ExportResult.Withheld> withheld) {
        ObjectNode m = ExportWriters.MAPPER.createObjectNode();
        m.put("app", "Pair Studio");
        m.put("app_version", AppVersion.get());
        m.put("exported_at", Timestamps.format(started));
        m.put("format", format.name);
        if (profile.name() != null) {
            m.put("profile", profile.name());
        }
        m.set("filter", PairFilterJson.toJson(filter));
        m.put("accepted_only", profile.acceptedOnly());
        m.put("incremental", filter.changedSince() != null);
        if (filter.changedSince() != null) {
            m.put("changed_since", Timestamps.format(filter.changedSince()));
        }
        ObjectNode privacy = m.putObject("privacy");
        privacy.put("anonymized", anonymizer != null);
        if (anonymizer != null) {
            privacy.put("policy", anonymizer.policy().name());
            privacy.put("fields", "question, SQL literals, database name");
            privacy.put("withheld", withheld.size());
            ArrayNode list = privacy.putArray("withheld_pairs");
            for (ExportResult.Withheld w : withheld) {
                list.addObject().put("pair_id", w.pairId()).put("reason", w.reason());
            }
        }
        m.put("dedup", profile.dedup());
        m.put("duplicates_dropped", duplicates);
        if (ratios != null) {
            ObjectNode s = m.putObject("split");
            s.put("ratios", ratios.toString());
            s.put("seed", profile.seed());
            s.put("group_by", profile.grouping().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode counts = m.putObject("counts");
        long total = 0;
        for (ExportResult.FileEntry f : files) {
            counts.put(f.split(), f.pairs());
            total += f.pairs();
        }
        counts.put("total", total);
        if (!perType.isEmpty()) {
            ObjectNode strata = m.putObject("query_types_per_split");
            perType.forEach((split, types) -> {
                ObjectNode o = strata.putObject(split);
                types.forEach(o::put);
            });
        }
        ArrayNode fileList = m.putArray("files");
        for (ExportResult.FileEntry f : files) {
            ObjectNode o = fileList.addObject();
            o.put("name", f.path().getFileName().toString());
            o.put("split", f.split());
            o.put("pairs", f.pairs());
            o.put("bytes", f.bytes());
            o.put("sha256", f.sha256());
        }
        try {
            m.set("statistics", ExportWriters.MAPPER.readTree(StatisticsJson.toJson(statistics)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** Writes and finishes a small JSON file; the caller publishes it (or aborts it). */
    private static AtomicFileOutput writeSmall(Path target, JsonFactory factory, ObjectNode json)
            throws IOException {
        AtomicFileOutput out = AtomicFileOutput.open(target, false);
        try {
            try (JsonGenerator g = factory.createGenerator(out.stream())) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setPrettyPrinter(SeedJson.indented());
                ExportWriters.MAPPER.writeTree(g, json);
            }
            out.stream().write('\n');
            out.finish();
            return out;
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    private static void writeText(Path target, String text) throws IOException {
        try (AtomicFileOutput out = AtomicFileOutput.open(target, false)) {
            out.stream().write(text.getBytes(StandardCharsets.UTF_8));
            out.commit(false);
        }
    }

    /** Moves the finished staging folder onto the target; an old folder is moved aside first and removed after. */
    private static void swapFolder(Path staging, Path target, boolean replace) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            if (!replace) {
                throw new ExportException.TargetExists(target.toString());
            }
            aside = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (aside != null) {
            deleteTree(aside);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
