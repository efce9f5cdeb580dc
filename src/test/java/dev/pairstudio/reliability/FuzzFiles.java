package dev.pairstudio.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.ingest.ImportFormat;
import dev.pairstudio.testing.Contracts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Valid import files of every format with synthetic records, and ways to damage them. Each file
 * knows where its records end, so a test can tell which records lie wholly before a cut.
 */
final class FuzzFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The text of a valid file and the character offset just after each record. */
    record Valid(ImportFormat format, String text, List<Integer> recordEnds) {
        int records() {
            return recordEnds.size();
        }

        byte[] bytes(Charset cs) {
            return text.getBytes(cs);
        }

        byte[] utf8() {
            return bytes(StandardCharsets.UTF_8);
        }

        /** How many records end at or before byte {@code cut} of the UTF-8 file. */
        int completeBefore(int cut) {
            int n = 0;
            for (int end : recordEnds) {
                if (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length <= cut) {
                    n++;
                }
            }
            return n;
        }
    }

    private FuzzFiles() {}

    /** Record {@code i} of a file tagged {@code tag}: every third one has non-ASCII text (Latin-1 representable). */
    static String question(String tag, int i) {
        return i % 3 == 1
                ? "Which customers in Zürich ordered crème brûlée, " + tag + " #" + i + "?"
                : "How many orders did customer " + i + " place, " + tag + "?";
    }

    static String sql(int i) {
        return "SELECT COUNT(*) FROM orders WHERE customer_id = " + i;
    }

    static Valid valid(ImportFormat format, String tag, int count) {
        return switch (format) {
            case JSONL -> jsonl(tag, count);
            case JSON -> json(tag, count);
            case CSV -> csv(tag, count);
            case SPIDER -> benchmark(tag, count, "query", false);
            case BIRD -> benchmark(tag, count, "SQL", true);
        };
    }

    private static ObjectNode seedRecord(String tag, int i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("pair_id", tag + "-" + i);
        o.put("natural_language_query", question(tag, i));
        o.put("sql_query", sql(i));
        o.put("timestamp", "2024-03-0" + (1 + i % 9) + "T10:00:00.000000");
        o.put("database_type", "postgresql");
        o.put("database_name", "shop");
        o.putArray("table_names").add("orders");
        o.put("success", i % 7 != 0);
        o.put("execution_time_ms", 12.5 + i);
        o.putObject("metadata").put("source", "fuzz");
        return o;
    }

    private static Valid jsonl(String tag, int count) {
        StringBuilder sb = new StringBuilder();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sb.append(seedRecord(tag, i)).append('\n');
            ends.add(sb.length());
        }
        return new Valid(ImportFormat.JSONL, sb.toString(), ends);
    }

    /** The seed's export object, one record per line inside "pairs". */
    private static Valid json(String tag, int count) {
        StringBuilder sb = new StringBuilder(
                "{\n  \"exported_at\": \"2024-03-10T00:00:00.000000\",\n  \"format_version\": \"1.0\",\n"
                        + "  \"total_pairs\": " + count + ",\n  \"pairs\": [\n");
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sb.append("    ").append(seedRecord(tag, i));
            ends.add(sb.length());
            sb.append(i + 1 < count ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"statistics\": {\"total_pairs\": ")
                .append(count)
                .append(", \"unique_tables\": [\"orders\"]}\n}");
        return new Valid(ImportFormat.JSON, sb.toString(), ends);
    }

    private static Valid benchmark(String tag, int count, String sqlKey, boolean bird) {
        StringBuilder sb = new StringBuilder("[\n");
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode o = JSON.createObjectNode();
            o.put("db_id", "shop_" + tag);
            o.put("question", question(tag, i));
            o.put(sqlKey, sql(i));
            if (bird) {
                o.put("question_id", i);
                o.put("evidence", "orders are rows of the orders table");
                o.put("difficulty", i % 2 == 0 ? "simple" : "moderate");
            } else {
                o.putArray("query_toks").add("SELECT").add("COUNT").add("(*)");
            }
            sb.append("  ").append(o);
            ends.add(sb.length());
            sb.append(i + 1 < count ? ",\n" : "\n");
        }
        sb.append("]\n");
        return new Valid(bird ? ImportFormat.BIRD : ImportFormat.SPIDER, sb.toString(), ends);
    }

    /** The seed's CSV: every fourth question spans two lines and holds a comma and quotes. */
    private static Valid csv(String tag, int count) {
        StringWriter w = new StringWriter();
        List<Integer> ends = new ArrayList<>();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(Contracts.CSV_HEADER);
            for (int i = 0; i < count; i++) {
                String q = i % 4 == 3 ? question(tag, i) + "\nsecond line, with \"quotes\"" : question(tag, i);
                p.printRecord(
                        tag + "-" + i,
                        q,
                        sql(i),
                        "2024-03-01T10:00:00.000000",
                        "postgresql",
                        "shop",
                        "orders",
                        i % 7 != 0 ? "True" : "False",
                        String.valueOf(12 + i),
                        "SELECT");
                p.flush();
                ends.add(w.getBuffer().length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Valid(ImportFormat.CSV, w.toString(), ends);
    }

    // ---- damage ----------------------------------------------------------------------------------

    private static final byte[] INTERESTING = "{}[]\",:\n\r\\ \t0aZ=".getBytes(StandardCharsets.US_ASCII);

    /** One to four random edits (replace, insert, delete; structural characters, NUL, high bytes) with the given random. */
    static byte[] mutate(byte[] valid, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            byte value = switch (random.nextInt(4)) {
                case 0 -> INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> 0;
                case 2 -> (byte) (0x80 + random.nextInt(0x80));
                default -> (byte) random.nextInt(256);
            };
            switch (random.nextInt(3)) {
                case 0 -> b[at] = value;
                case 1 -> {
                    out.reset();
                    out.write(b, 0, at);
                    out.write(value);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
                default -> {
                    if (b.length > 1) {
                        out.reset();
                        out.write(b, 0, at);
                        out.write(b, at + 1, b.length - at - 1);
                        b = out.toByteArray();
                    }
                }
            }
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** {@code depth} nested arrays: {@code [[[...]]]}. */
    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
