package dev.pairstudio.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats an import reads. */
public enum ImportFormat {
    /** One seed record per line. */
    JSONL,
    /** The seed's export object {@code {exported_at, ..., pairs: [...]}} or a plain array of pairs. */
    JSON,
    /** The seed's CSV columns. */
    CSV,
    /** Spider's array of {@code {question, query, db_id}}. */
    SPIDER,
    /** BIRD's array of {@code {question, SQL, db_id, evidence, difficulty}}. */
    BIRD;

    public static ImportFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown format \"" + name + "\": use auto, jsonl, json, csv, spider or bird", e);
        }
    }

    /**
     * Guesses from the extension, then the first bytes. JSON arrays come out as {@link #JSON}:
     * the importer recognises Spider and BIRD records by their keys, record by record.
     */
    public static ImportFormat detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        String head = head(file);
        if (head.startsWith("[")) {
            return JSON;
        }
        if (head.startsWith("{")) {
            // A JSONL file's first line is a whole object; a pretty-printed export's first line is "{".
            // A .json file is JSONL only when a second object line follows.
            int nl = head.indexOf('\n');
            String firstLine = (nl < 0 ? head : head.substring(0, nl)).trim();
            boolean wholeObject = firstLine.length() > 1 && firstLine.endsWith("}");
            boolean anotherObject =
                    nl >= 0 && head.substring(nl + 1).stripLeading().startsWith("{");
            return wholeObject && (anotherObject || !name.endsWith(".json")) ? JSONL : JSON;
        }
        return name.endsWith(".json") ? JSON : CSV;
    }

    private static String head(Path file) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(buf, 0, buf.length);
        }
        String s = new String(buf, 0, n, StandardCharsets.UTF_8);
        return (s.startsWith("\uFEFF") ? s.substring(1) : s).stripLeading();
    }
}
