package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.sql.SqlTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of split files for {@link SplitAudit}, whatever wrote them: the seed's JSONL, JSON and
 * CSV, every preset Pair Studio writes (OpenAI and ShareGPT chats, Alpaca, DB-GPT-Hub, Spider,
 * BIRD, Hugging Face, sql-create-context) and Spider/BIRD's own JSON; gzipped too. A file's split
 * is named by its name: train, validation (also valid, val, dev) or test, else the name itself.
 */
public final class SplitFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Path>> bySplit = new LinkedHashMap<>();

    /** A record or file the audit cannot read; the message names the file and line. */
    public static final class BadFile extends RuntimeException {
        BadFile(String message) {
            super(message, null, false, false);
        }
    }

    public SplitFiles(List<Path> files) {
        Map<String, List<Path>> named = new LinkedHashMap<>();
        for (String s : List.of("train", "validation", "test")) {
            named.put(s, new ArrayList<>());
        }
        for (Path f : files) {
            named.computeIfAbsent(splitOf(f), k -> new ArrayList<>()).add(f);
        }
        named.forEach((k, v) -> {
            if (!v.isEmpty()) {
                bySplit.put(k, v);
            }
        });
    }

    /** The split a file holds, by its name. */
    static String splitOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String stem = name.replaceAll("\\.gz$", "").replaceAll("\\.(jsonl|json|csv)$", "");
        for (String word : stem.split("[^a-z]+")) {
            switch (word) {
                case "train", "training" -> {
                    return "train";
                }
                case "validation", "valid", "val", "dev" -> {
                    return "validation";
                }
                case "test", "testing" -> {
                    return "test";
                }
                default -> {}
            }
        }
        return stem;
    }

    public List<String> splits() {
        return new ArrayList<>(bySplit.keySet());
    }

    /** The split with the most bytes on disk: the one the audit looks up rather than indexes. */
    public String largest() throws IOException {
        String best = null;
        long most = -1;
        for (Map.Entry<String, List<Path>> e : bySplit.entrySet()) {
            long bytes = 0;
            for (Path f : e.getValue()) {
                bytes += Files.size(f);
            }
            if (bytes > most) {
                most = bytes;
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Every row of every file, split by split.
     *
     * @param templates compute each row's SQL template (the first reading needs them, the later ones do not)
     * @throws BadFile naming the file and line of a row without a question or SQL
     */
    public void forEach(boolean templates, BiConsumer<String, SplitAudit.Entry> row) throws IOException {
        for (Map.Entry<String, List<Path>> e : bySplit.entrySet()) {
            for (Path f : e.getValue()) {
                read(f, templates, entry -> row.accept(e.getKey(), entry));
            }
        }
    }

    /** {@link #forEach} for the audit's later readings. */
    public SplitAudit.Source source() {
        return row -> {
            try {
                forEach(false, row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private interface Rows {
        void accept(SplitAudit.Entry e);
    }

    private static void read(Path f, boolean templates, Rows rows) throws IOException {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
        try (InputStream in = open(f);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            if (name.endsWith(".csv")) {
                readCsv(f, r, templates, rows);
            } else if (name.endsWith(".jsonl")) {
                BufferedReader lines = new BufferedReader(r, 1 << 16);
                long n = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    n++;
                    if (!line.isBlank()) {
                        JsonNode node;
                        try {
                            node = JSON.readTree(line);
                        } catch (JsonProcessingException e) {
                            throw new BadFile(
                                    f.getFileName() + ":" + n + ": not JSON (" + e.getOriginalMessage() + ")");
                        }
                        rows.accept(entry(node, f.getFileName() + ":" + n, templates));
                    }
                }
            } else {
                readJson(f, r, templates, rows);
            }
        }
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(in, 1 << 16)
                : in;
    }

    /** A JSON array of records, or an object whose {@code pairs} is one (the seed's JSON). */
    private static void readJson(Path f, Reader r, boolean templates, Rows rows) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(r)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    boolean pairs = p.currentName().equals("pairs");
                    t = p.nextToken();
                    if (pairs && t == JsonToken.START_ARRAY) {
                        break;
                    }
                    p.skipChildren();
                }
            }
            if (t != JsonToken.START_ARRAY) {
                throw new BadFile(
                        f.getFileName() + ": expected a JSON array of records (or the seed's {\"pairs\": [...]})");
            }
            long n = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                n++;
                JsonNode node = JSON.readTree(p);
                rows.accept(entry(node, f.getFileName() + " record " + n, templates));
            }
        }
    }

    private static void readCsv(Path f, Reader r, boolean templates, Rows rows) throws IOException {
        try (CSVParser csv = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(r)) {
            for (CSVRecord rec : csv) {
                var node = JSON.createObjectNode();
                rec.toMap().forEach(node::put);
                rows.accept(entry(node, f.getFileName() + ":" + (rec.getRecordNumber() + 1), templates));
            }
        }
    }

    /** The question, SQL and database of a record in any of the layouts above. */
    static SplitAudit.Entry entry(JsonNode n, String where, boolean templates) {
        String question = first(n, "natural_language_query", "question", "instruction");
        String sql = first(n, "sql_query", "sql", "query", "SQL", "answer", "output");
        String input = text(n.get("input"));
        if (input != null && input.startsWith("###Input:")) { // DB-GPT-Hub: the question is inside the input
            question = input.substring("###Input:".length())
                    .replaceFirst("\\s*###Response:\\s*$", "")
                    .strip();
        }
        JsonNode chat = n.has("messages") ? n.get("messages") : n.get("conversations");
        if (chat != null && chat.isArray()) {
            for (JsonNode m : chat) {
                String role = first(m, "role", "from");
                String content = first(m, "content", "value");
                if ("user".equals(role) || "human".equals(role)) {
                    question = content;
                } else if ("assistant".equals(role) || "gpt".equals(role)) {
                    sql = content;
                }
            }
        }
        if (question == null || sql == null) {
            throw new BadFile(where + ": no question and SQL found; expected natural_language_query and sql_query, "
                    + "question with sql, query, SQL or answer, instruction with output, messages or conversations");
        }
        String database = first(n, "database_name", "db_id");
        String template = templates ? SqlTemplate.of(sql, first(n, "database_type")) : null;
        return new SplitAudit.Entry(question, sql, template, database, null, where);
    }

    private static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            String t = text(n.get(f));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
