package dev.pairstudio.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.settings.PairFilterJson;
import java.util.Locale;
import java.util.function.Consumer;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    public ExportProfile {
        format = format == null ? "jsonl" : format.toLowerCase(Locale.ROOT);
        filter = filter == null ? PairFilter.ALL : filter;
        grouping = grouping == null ? SplitAssigner.Grouping.TEMPLATE : grouping;
    }

    /** Seed JSONL of every live pair, anonymized, duplicates dropped. */
    public static ExportProfile defaults(String format) {
        return new ExportProfile(
                null,
                format,
                PairFilter.ALL,
                false,
                true,
                null,
                null,
                DEFAULT_SEED,
                SplitAssigner.Grouping.TEMPLATE,
                false,
                true,
                false,
                null,
                null,
                false,
                null,
                false);
    }

    /**
     * A copy with some fields changed, the one place that copies a {@code ExportProfile}:
     * {@code x.with(c -> c.name = …)}. Each {@code withX} below is one such change.
     */
    public ExportProfile with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields being copied, changed in place by {@link #with} (whose canonical constructor then checks them). */
    public static final class Copy {
        public String name;
        public String format;
        public PairFilter filter;
        public boolean acceptedOnly;
        public boolean anonymize;
        public String policyFile;
        public SplitRatios split;
        public long seed;
        public SplitAssigner.Grouping grouping;
        public boolean stratify;
        public boolean dedup;
        public boolean gzip;
        public String system;
        public String context;
        public boolean incremental;
        public String outputFolder;
        public boolean wholeSchema;

        private Copy(ExportProfile original) {
            name = original.name;
            format = original.format;
            filter = original.filter;
            acceptedOnly = original.acceptedOnly;
            anonymize = original.anonymize;
            policyFile = original.policyFile;
            split = original.split;
            seed = original.seed;
            grouping = original.grouping;
            stratify = original.stratify;
            dedup = original.dedup;
            gzip = original.gzip;
            system = original.system;
            context = original.context;
            incremental = original.incremental;
            outputFolder = original.outputFolder;
            wholeSchema = original.wholeSchema;
        }

        private ExportProfile build() {
            return new ExportProfile(
                    name,
                    format,
                    filter,
                    acceptedOnly,
                    anonymize,
                    policyFile,
                    split,
                    seed,
                    grouping,
                    stratify,
                    dedup,
                    gzip,
                    system,
                    context,
                    incremental,
                    outputFolder,
                    wholeSchema);
        }
    }

    public ExportProfile withName(String value) {
        return with(c -> c.name = value);
    }

    public ExportProfile withFilter(PairFilter value) {
        return with(c -> c.filter = value);
    }

    public ExportProfile withPolicyFile(String value) {
        return with(c -> c.policyFile = value);
    }

    public ExportProfile withAnonymize(boolean value) {
        return with(c -> c.anonymize = value);
    }

    public ExportProfile withSplit(SplitRatios value, SplitAssigner.Grouping by) {
        return with(c -> {
            c.split = value;
            c.grouping = by;
        });
    }

    public ExportProfile withDedup(boolean value) {
        return with(c -> c.dedup = value);
    }

    public ExportProfile withIncremental(boolean value) {
        return with(c -> c.incremental = value);
    }

    public ExportProfile withWholeSchema(boolean value) {
        return with(c -> c.wholeSchema = value);
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
        return new ExportProfile(
                text(o, "name"),
                o.path("format").asText("jsonl"),
                o.has("filter") ? PairFilterJson.fromJson(o.get("filter")) : PairFilter.ALL,
                o.path("accepted_only").asBoolean(false),
                o.path("anonymize").asBoolean(true),
                text(o, "policy_file"),
                o.hasNonNull("split") ? SplitRatios.parse(o.get("split").asText()) : null,
                o.path("seed").asLong(DEFAULT_SEED),
                SplitAssigner.Grouping.valueOf(
                        o.path("group_by").asText("template").toUpperCase(Locale.ROOT)),
                o.path("stratify").asBoolean(false),
                o.path("dedup").asBoolean(true),
                o.path("gzip").asBoolean(false),
                text(o, "system"),
                text(o, "context"),
                o.path("incremental").asBoolean(false),
                text(o, "output_folder"),
                o.path("schema_scope").asText("used").equals("database"));
    }

    private static String text(JsonNode o, String key) {
        return o.hasNonNull(key) ? o.get(key).asText() : null;
    }
}
