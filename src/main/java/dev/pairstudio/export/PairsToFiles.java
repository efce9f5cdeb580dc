package dev.pairstudio.export;

import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.schema.SchemaContext;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one export attempt's pairs into its staged files through the {@link ExportPipeline}:
 * each pair is left out (an exact duplicate, or one that cannot be anonymized safely), or made
 * into its record on the workers, then written in order to its split's file, audited and counted.
 */
final class PairsToFiles {

    private final ExportScope scope;
    private final StagedFiles files;
    private final Anonymizer anonymizer;
    private final SchemaContext schemas;
    private final Map<Long, ExportResult.Withheld> withheld;
    private final SplitAudit check;
    private final boolean stratify;
    /** The exported database names, for the schema file; null when none is written. */
    final ExportedDatabases databases;
    /** Query types per file, when the split is stratified (else empty). */
    final Map<String, Map<String, Long>> perType = new LinkedHashMap<>();

    long written;

    /**
     * @param anonymizer null: pairs as stored
     * @param withheld pairs that cannot be anonymized safely, by row id; grows as they are met
     * @param check the split's audit, null when the export is not split
     */
    PairsToFiles(
            ExportScope scope,
            StagedFiles files,
            Anonymizer anonymizer,
            SchemaContext schemas,
            Map<Long, ExportResult.Withheld> withheld,
            SplitAudit check,
            boolean schemaFile,
            boolean stratify) {
        this.scope = scope;
        this.files = files;
        this.anonymizer = anonymizer;
        this.schemas = schemas;
        this.withheld = withheld;
        this.check = check;
        this.stratify = stratify;
        this.databases = schemaFile ? new ExportedDatabases() : null;
    }

    /** @return the pairs offered, written or left out */
    long run(Database store, ExportListener listener, long startNanos) throws IOException {
        // every core: the workers anonymize and render the records (JSONL), the writing thread copies bytes
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        return ExportPipeline.run(
                scope.pairs(store),
                scope.total(),
                workers,
                this::prepare,
                this::write,
                listener,
                scope.total(),
                startNanos);
    }

    /** On a worker: null when the pair is left out. */
    private ExportPipeline.Item prepare(StoredPair p) {
        if (scope.drop().contains(p.id()) || withheld.containsKey(p.id())) {
            return null;
        }
        SplitPlan split = scope.split();
        SplitAssigner.Split s = split == null ? null : split.splitOf(p.id());
        if (split != null && s == null) {
            throw new DatasetExporter.Changed(
                    "pair " + p.pair().pairId() + " was not there when the split was planned");
        }
        ExportRecord r;
        try {
            r = ExportRecord.of(p, anonymizer, schemas);
        } catch (AnonymizationException e) {
            // withheld, never written raw: the manifest and the summary name the pair and why
            withheld.put(p.id(), new ExportResult.Withheld(p.pair().pairId(), e.reason()));
            return null;
        }
        byte[] rendered;
        try {
            rendered = files.dataFor(s).writer.render(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportPipeline.Item(r, s, s == null ? null : PlannedSplitAudit.entry(p, split), rendered);
    }

    /** On the writing thread, in insertion order. */
    private void write(ExportPipeline.Item item) throws IOException {
        StagedFiles.DataFile file = files.dataFor(item.split());
        file.write(item.record(), item.rendered());
        if (databases != null) {
            databases.note(item.record());
        }
        written++;
        if (check != null) {
            check.add(item.split().label, item.audited());
        }
        if (stratify) {
            perType.computeIfAbsent(file.target.label(), k -> new LinkedHashMap<>())
                    .merge(item.record().queryType().name(), 1L, Long::sum);
        }
    }
}
