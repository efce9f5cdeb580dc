package dev.pairstudio.export;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.schema.SchemaContext;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The first records of an export exactly as the writer would put them in the file (seed JSONL,
 * JSON, CSV or a preset), for the export wizard's live preview. Reads only those pairs; the
 * JSON format's statistics then cover the previewed pairs, not the whole scope.
 */
public final class ExportPreview {
    private ExportPreview() {}

    /**
     * @param filter     the effective filter ({@link DatasetExporter#effectiveFilter})
     * @param anonymizer null writes the original text
     * @param wholeSchema {@code {{schema}}} holds every table of the database, not only those the SQL uses
     * @throws ExportException for an unknown format
     */
    public static String firstRecords(
            Database store,
            PairFilter filter,
            String format,
            String system,
            String context,
            Anonymizer anonymizer,
            Path userPresets,
            int n,
            boolean wholeSchema) {
        List<StoredPair> pairs =
                store.query(filter, PairSort.INSERTION, null, n).rows();
        Preset preset = format.equals("jsonl") || format.equals("csv") || format.equals("json")
                ? null
                : Preset.find(format, userPresets).orElse(null);
        SchemaContext schemas =
                preset != null && preset.template().usesSchema() ? SchemaContext.of(store, wholeSchema) : null;
        // as in the export: a pair that cannot be anonymized safely is withheld, never shown raw, never a failure
        List<StoredPair> shown = new ArrayList<>(pairs.size());
        List<ExportRecord> records = new ArrayList<>(pairs.size());
        for (StoredPair p : pairs) {
            try {
                records.add(ExportRecord.of(p, anonymizer, schemas));
                shown.add(p);
            } catch (AnonymizationException withheld) {
                // the export's manifest names it; the preview just leaves it out
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ExportWriters.Writer0 w = open(store, format, system, context, userPresets, bytes, shown);
            for (ExportRecord r : records) {
                w.write(r);
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ExportWriters.Writer0 open(
            Database store,
            String format,
            String system,
            String context,
            Path userPresets,
            ByteArrayOutputStream out,
            List<StoredPair> pairs)
            throws IOException {
        switch (format) {
            case "jsonl":
                return new ExportWriters.Jsonl(out);
            case "csv":
                return new ExportWriters.Csv(out);
            case "json": {
                Set<Long> ids = new LinkedHashSet<>();
                pairs.forEach(p -> ids.add(p.id()));
                Statistics stats = Statistics.compute(store, PairFilter.ALL.withIds(ids.isEmpty() ? Set.of(-1L) : ids));
                return new ExportWriters.Json(
                        out, new ExportWriters.Context(Timestamps.now(), pairs.size(), stats, null, null));
            }
            default: {
                Preset p = Preset.find(format, userPresets)
                        .orElseThrow(() -> new ExportException("Unknown format \"" + format + "\""));
                return new PresetWriter(p, out, system != null ? system : p.system(), context);
            }
        }
    }
}
