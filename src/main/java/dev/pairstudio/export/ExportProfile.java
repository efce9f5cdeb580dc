package dev.pairstudio.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.settings.PairFilterJson;
import java.util.Locale;

/**
 * Every option of an export under one name, stored per database ({@link ExportProfiles}) so
 * that the one-click export repeats the last one.
 *
 * @param format       jsonl, json, csv, or a preset name (openai, alpaca, sharegpt, spider, hf, or a user preset)
 * @param filter       the scope: all pairs, the current filter, or a list of ids ({@link PairFilter#ids()}); the trash never
 * @param acceptedOnly only pairs a reviewer accepted
 * @param anonymize    apply the privacy policy (question, SQL literals, database name); on by default
 * @param policyFile   a policy JSON file, null for the default policy
 * @param split        train/validation/test shares, null for one file (the hf preset always splits, 80/10/10 by default)
 * @param seed         the split seed: the same seed gives the same assignment
 * @param stratify     report counts per query type and split in the manifest
 * @param dedup        drop exact duplicates (same duplicate group, same question and SQL), keeping the accepted, else the latest
 * @param system       system prompt for chat presets, null for the preset's default, "" for none
 * @param context      schema or context text for presets that use it, null for none
 * @param incremental  only pairs added or changed since this profile's last export
 * @param outputFolder where the one-click export writes its timestamped files, null for the default
 * @param wholeSchema  {@code {{schema}}} and schema files hold every table of the pair's database, not only the tables its SQL uses
 */
public record ExportProfile(
        String name,
        String format,
        PairFilter filter,
        boolean acceptedOnly,
        boolean anonymize,
        String policyFile,
        SplitRatios split,
        long seed,
        SplitAssigner.Grouping grouping,
        boolean stratify,
        boolean dedup,
        boolean gzip,
        String system,
        String context,
        boolean incremental,
        String outputFolder,
        boolean wholeSchema) {

    public static final long DEFAULT_SEED = 42;

    /** A profile whose {@code {{schema}}} holds only the tables the SQL uses (the default). */
    public ExportProfile(String name, String format, PairFilter filter, boolean acceptedOnly, boolean anonymize, String policyFile,
            SplitRatios split, long seed, SplitAssigner.Grouping grouping, boolean stratify, boolean dedup, boolean gzip,
            String system, String context, boolean incremental, String outputFolder) {
        this(name, format, filter, acceptedOnly, anonymize, policyFile, split, seed, grouping, stratify, dedup, gzip, system,
                context, incremental, outputFolder, false);
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    public ExportProfile {
        format = format == null ? "jsonl" : format.toLowerCase(Locale.ROOT);
        filter = filter == null ? PairFilter.ALL : filter;
        grouping = grouping == null ? SplitAssigner.Grouping.TEMPLATE : grouping;
    }

    /** Seed JSONL of every live pair, anonymized, duplicates dropped. */
    public static ExportProfile defaults(String format) {
        return new ExportProfile(null, format, PairFilter.ALL, false, true, null, null, DEFAULT_SEED,
                SplitAssigner.Grouping.TEMPLATE, false, true, false, null, null, false, null);
    }

    public ExportProfile withName(String value) {
        return new ExportProfile(value, format, filter, acceptedOnly, anonymize, policyFile, split, seed, grouping, stratify,
                dedup, gzip, system, context, incremental, outputFolder, wholeSchema);
    }

    public ExportProfile withFilter(PairFilter value) {
        return new ExportProfile(name, format, value, acceptedOnly, anonymize, policyFile, split, seed, grouping, stratify,
                dedup, gzip, system, context, incremental, outputFolder, wholeSchema);
    }

    public ExportProfile withAnonymize(boolean value) {
        return new ExportProfile(name, format, filter, acceptedOnly, value, policyFile, split, seed, grouping, stratify,
                dedup, gzip, system, context, incremental, outputFolder, wholeSchema);
    }

    public ExportProfile withSplit(SplitRatios value, SplitAssigner.Grouping by) {
        return new ExportProfile(name, format, filter, acceptedOnly, anonymize, policyFile, value, seed, by, stratify,
                dedup, gzip, system, context, incremental, outputFolder, wholeSchema);
    }

    public ExportProfile withDedup(boolean value) {
        return new ExportProfile(name, format, filter, acceptedOnly, anonymize, policyFile, split, seed, grouping, stratify,
                value, gzip, system, context, incremental, outputFolder, wholeSchema);
    }

    public ExportProfile withIncremental(boolean value) {
        return new ExportProfile(name, format, filter, acceptedOnly, anonymize, policyFile, split, seed, grouping, stratify,
                dedup, gzip, system, context, value, outputFolder, wholeSchema);
    }

    public ExportProfile withWholeSchema(boolean value) {
        return new ExportProfile(name, format, filter, acceptedOnly, anonymize, policyFile, split, seed, grouping, stratify,
                dedup, gzip, system, context, incremental, outputFolder, value);
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        if (name != null) {
            o.put("name", name);
        }
        o.put("format", format);
        o.set("filter", PairFilterJson.toJson(filter));
        o.put("accepted_only", acceptedOnly);
        o.put("anonymize", anonymize);
        if (policyFile != null) {
            o.put("policy_file", policyFile);
        }
        if (split != null) {
            o.put("split", split.toString());
        }
        o.put("seed", seed);
        o.put("group_by", grouping.name().toLowerCase(Locale.ROOT));
        o.put("stratify", stratify);
        o.put("dedup", dedup);
        o.put("gzip", gzip);
        if (system != null) {
            o.put("system", system);
        }
        if (context != null) {
            o.put("context", context);
        }
        o.put("incremental", incremental);
        if (outputFolder != null) {
            o.put("output_folder", outputFolder);
        }
        o.put("schema_scope", wholeSchema ? "database" : "used");
        return o;
    }

    public static ExportProfile fromJson(JsonNode o) {
        return new ExportProfile(text(o, "name"), o.path("format").asText("jsonl"),
                o.has("filter") ? PairFilterJson.fromJson(o.get("filter")) : PairFilter.ALL,
                o.path("accepted_only").asBoolean(false), o.path("anonymize").asBoolean(true), text(o, "policy_file"),
                o.hasNonNull("split") ? SplitRatios.parse(o.get("split").asText()) : null, o.path("seed").asLong(DEFAULT_SEED),
                SplitAssigner.Grouping.valueOf(o.path("group_by").asText("template").toUpperCase(Locale.ROOT)),
                o.path("stratify").asBoolean(false), o.path("dedup").asBoolean(true), o.path("gzip").asBoolean(false),
                text(o, "system"), text(o, "context"), o.path("incremental").asBoolean(false), text(o, "output_folder"),
                o.path("schema_scope").asText("used").equals("database"));
    }

    private static String text(JsonNode o, String key) {
        return o.hasNonNull(key) ? o.get(key).asText() : null;
    }
}
