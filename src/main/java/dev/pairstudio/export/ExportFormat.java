package dev.pairstudio.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What an export writes: the seed's JSONL, JSON or CSV, or a preset, and how its writer opens. */
final class ExportFormat {

    private interface Opener {
        ExportWriters.Writer0 open(OutputStream out, ExportWriters.Context ctx) throws IOException;
    }

    final String name;
    final String extension;
    /** null for the seed's own formats */
    final Preset preset;
    /** The file states its count before the pairs (JSON's total_pairs): a changed scope restarts the export. */
    final boolean statesCount;

    private final Opener opener;

    private ExportFormat(String name, String extension, Preset preset, boolean statesCount, Opener opener) {
        this.name = name;
        this.extension = extension;
        this.preset = preset;
        this.statesCount = statesCount;
        this.opener = opener;
    }

    /** The seed formats and every preset name known with {@code userPresets}. */
    static List<String> names(Path userPresets) {
        List<String> all = new ArrayList<>(List.of("jsonl", "json", "csv"));
        all.addAll(Preset.available(userPresets).keySet());
        return all;
    }

    static ExportFormat of(String format, Path userPresets) {
        return switch (format) {
            case "jsonl" -> new ExportFormat(format, "jsonl", null, false, (out, ctx) -> new ExportWriters.Jsonl(out));
            case "json" -> new ExportFormat(format, "json", null, true, ExportWriters.Json::new);
            case "csv" -> new ExportFormat(format, "csv", null, false, (out, ctx) -> new ExportWriters.Csv(out));
            default -> {
                Preset p = Preset.find(format, userPresets)
                        .orElseThrow(() -> new ExportException("Unknown format \"" + format + "\"; use one of "
                                + String.join(", ", names(userPresets))));
                yield new ExportFormat(
                        format,
                        p.extension(),
                        p,
                        false,
                        (out, ctx) -> new PresetWriter(p, out, ctx.system(), ctx.context()));
            }
        };
    }

    ExportWriters.Writer0 open(OutputStream out, ExportWriters.Context ctx) throws IOException {
        return opener.open(out, ctx);
    }

    /** A folder of train/dev/test files (hf) rather than one file. */
    boolean isFolder() {
        return preset != null && preset.layout() == Preset.Layout.FOLDER;
    }

    /** A Spider/BIRD tables.json goes beside the data. */
    boolean writesSchemaFile() {
        return preset != null && preset.schemaFile() != null;
    }

    /** The records carry their tables' CREATE statements, or a schema file is written. */
    boolean needsSchemas() {
        return preset != null && (preset.template().usesSchema() || writesSchemaFile());
    }

    /** The preset's system prompt, if any. */
    String system() {
        return preset == null ? null : preset.system();
    }
}
