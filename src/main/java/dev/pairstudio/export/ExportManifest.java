package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.AppVersion;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.settings.PairFilterJson;
import dev.pairstudio.stats.SeedJson;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The manifest beside an export's data: what was exported, from which filter, under which privacy
 * policy, how it was split and checked, every file with its count and checksum, and the
 * statistics of the scope.
 */
final class ExportManifest {

    private final ObjectNode json;

    private ExportManifest(ObjectNode json) {
        this.json = json;
    }

    /**
     * @param perType query types per file, when the split is stratified (else empty)
     * @param anonymizer null when the export is not anonymized
     */
    static ExportManifest of(
            ExportProfile profile,
            String format,
            ExportScope scope,
            SplitRatios ratios,
            List<ExportResult.FileEntry> files,
            Map<String, Map<String, Long>> perType,
            Instant started,
            Anonymizer anonymizer,
            List<ExportResult.Withheld> withheld) {
        PairFilter filter = scope.filter();
        ObjectNode m = ExportWriters.MAPPER.createObjectNode();
        m.put("app", "Pair Studio");
        m.put("app_version", AppVersion.get());
        m.put("exported_at", Timestamps.format(started));
        m.put("format", format);
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
        m.put("duplicates_dropped", scope.drop().size());
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
        m.set("statistics", statistics(scope.statistics()));
        return new ExportManifest(m);
    }

    /** The split's plan and its check, under "split". */
    void describeSplit(SplitPlan split, SplitAudit.Report checked) {
        SplitManifest.describe((ObjectNode) json.get("split"), split, checked);
    }

    /** The schema file written beside the data. */
    void describeSchemaFile(Path file, int databases, AtomicFileOutput written) {
        ObjectNode sf = json.putObject("schema_file");
        sf.put("name", file.getFileName().toString());
        sf.put("databases", databases);
        sf.put("scope", "whole database");
        sf.put("bytes", written.bytes());
        sf.put("sha256", written.sha256());
    }

    /** Writes and finishes the manifest at {@code target}; the caller publishes it (or aborts it). */
    AtomicFileOutput write(Path target) throws IOException {
        AtomicFileOutput out = AtomicFileOutput.open(target, false);
        try {
            try (JsonGenerator g = SeedJson.FACTORY.createGenerator(out.stream())) {
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

    private static ObjectNode statistics(Statistics statistics) {
        try {
            return (ObjectNode) ExportWriters.MAPPER.readTree(StatisticsJson.toJson(statistics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
