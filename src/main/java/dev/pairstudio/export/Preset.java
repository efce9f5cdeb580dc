package dev.pairstudio.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fine-tuning export format defined as data: a small JSON file with a record template, so
 * that users add their own formats without code. The built-in ones are resources
 * ({@code dev/pairstudio/export/presets/*.json}); user presets are {@code *.json} files in a presets
 * folder (the user data directory's {@code presets}) or given by path.
 * <pre>{
 *   "name": "openai", "description": "...",
 *   "layout": "jsonl" | "json-array" | "folder",     // folder: train/validation/test JSONL + README.md
 *   "extension": "jsonl",
 *   "system": "default system prompt (a profile may replace it)",
 *   "record": { "messages": [ {"$if": "system", "role": "system", "content": "{{system}}"}, ... ] },
 *   "schema_file": "tables.json" | "{name}_tables.json"   // optional: a Spider/BIRD tables.json beside the data
 * }</pre>
 * A {@code schema_file} holds the newest stored schema of every database the exported pairs name
 * (under the exported, possibly anonymized, database name); {@code {name}} is the data file's name
 * without extension ({@code dev.json} gives {@code dev_tables.json}). Without any such schema no
 * file is written.
 * Template rules ({@link PresetTemplate}): a string that is exactly {@code {{name}}} becomes the
 * typed value (list, boolean, number, null); other strings interpolate {@code {{name}}} as text;
 * {@code {{#name}}...{{/name}}} appears only when the value is not empty; an object with
 * {@code "$if": "name"} is left out when that value is empty. Names: pair_id, question, sql,
 * timestamp, database_type, database_name, table_names, success, execution_time_ms,
 * query_type, metadata, metadata.KEY (one metadata value, e.g. BIRD's evidence), system, context, schema
 * (the CREATE TABLE statements of the tables the SQL uses, or of the whole database when the
 * profile says so, from its database's stored schema; empty without one).
 */
public record Preset(
        String name,
        String description,
        Layout layout,
        String extension,
        String system,
        PresetTemplate template,
        String schemaFile) {

    public enum Layout {
        JSONL,
        JSON_ARRAY,
        FOLDER;

        static Layout of(String text) {
            return switch (text) {
                case "jsonl" -> JSONL;
                case "json-array" -> JSON_ARRAY;
                case "folder" -> FOLDER;
                default ->
                    throw new IllegalArgumentException(
                            "layout must be jsonl, json-array or folder, not \"" + text + "\"");
            };
        }
    }

    public static final String[] BUILT_IN = {
        "openai", "alpaca", "sharegpt", "spider", "hf", "sql-create-context", "openai-schema", "bird", "dbgpt-alpaca"
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a preset definition; errors name the problem. */
    public static Preset parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("preset " + source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null
                || !root.isObject()
                || !root.hasNonNull("name")
                || !root.has("record")
                || !root.get("record").isObject()) {
            throw new IllegalArgumentException("preset " + source + " needs \"name\" and a \"record\" object");
        }
        Layout layout = Layout.of(root.path("layout").asText("jsonl"));
        String ext = root.path("extension").asText(layout == Layout.JSON_ARRAY ? "json" : "jsonl");
        return new Preset(
                root.get("name").asText().toLowerCase(Locale.ROOT),
                root.path("description").asText(""),
                layout,
                ext,
                root.hasNonNull("system") ? root.get("system").asText() : null,
                PresetTemplate.compile(root.get("record")),
                schemaFile(root, source));
    }

    private static String schemaFile(JsonNode root, String source) {
        if (!root.hasNonNull("schema_file")) {
            return null;
        }
        String f = root.get("schema_file").asText();
        if (f.isBlank() || f.contains("/") || f.contains("\\") || !f.endsWith(".json")) {
            throw new IllegalArgumentException(
                    "preset " + source + ": \"schema_file\" must be a file name ending in .json, such as "
                            + "\"tables.json\" or \"{name}_tables.json\", not \"" + f + "\"");
        }
        return f;
    }

    public static Preset load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read preset " + file + ": " + e.getMessage(), e);
        }
    }

    public static Preset builtIn(String name) {
        try (InputStream in = Preset.class.getResourceAsStream("presets/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in preset \"" + name + "\"");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Built-in presets, then those in {@code userFolder} (which may replace a built-in of the same name). */
    public static Map<String, Preset> available(Path userFolder) {
        Map<String, Preset> all = new LinkedHashMap<>();
        for (String n : BUILT_IN) {
            all.put(n, builtIn(n));
        }
        if (userFolder != null && Files.isDirectory(userFolder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userFolder, "*.json")) {
                for (Path f : files) {
                    Preset p = load(f);
                    all.put(p.name(), p);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list presets in " + userFolder + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    public static Optional<Preset> find(String name, Path userFolder) {
        return Optional.ofNullable(available(userFolder).get(name.toLowerCase(Locale.ROOT)));
    }
}
