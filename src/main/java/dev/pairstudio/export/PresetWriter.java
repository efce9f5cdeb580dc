package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pairstudio.stats.SeedJson;
import java.io.IOException;
import java.io.OutputStream;

/** Writes records through a preset's template: one compact object per line, or an indented JSON array. */
final class PresetWriter implements ExportWriters.Writer0 {
    private final Preset preset;
    private final JsonGenerator g;
    private final String system;
    private final String context;
    private final boolean array;

    PresetWriter(Preset preset, OutputStream out, String system, String context) throws IOException {
        this.preset = preset;
        this.system = system == null || system.isEmpty() ? null : system;
        this.context = context == null || context.isEmpty() ? null : context;
        this.g = ExportWriters.generator(out);
        this.array = preset.layout() == Preset.Layout.JSON_ARRAY;
        if (array) {
            g.setPrettyPrinter(SeedJson.indented());
            g.writeStartArray();
        } else {
            g.setRootValueSeparator(null); // Jackson puts a space between root values; a JSONL line starts with '{'
        }
    }

    @Override
    public void write(ExportRecord r) throws IOException {
        preset.template().write(g, new PresetTemplate.Values(r, system, context));
        if (!array) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        if (array) {
            g.writeEndArray();
            g.writeRaw('\n');
        }
        g.flush();
    }
}
