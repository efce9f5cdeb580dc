package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compiled preset record template (rules in {@link Preset}); writes one record straight to a generator. */
public final class PresetTemplate {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([#/]?)([a-z_]+(?:\\.[A-Za-z0-9_]+)?)}}");
    private static final List<String> NAMES = List.of(
            "pair_id",
            "question",
            "sql",
            "timestamp",
            "database_type",
            "database_name",
            "table_names",
            "success",
            "execution_time_ms",
            "query_type",
            "metadata",
            "system",
            "context",
            "schema");

    private final Node root;
    private final boolean usesSchema;

    private PresetTemplate(Node root, boolean usesSchema) {
        this.root = root;
        this.usesSchema = usesSchema;
    }

    /** Whether the template writes {@code {{schema}}}: only then does an export read the stored schemas. */
    public boolean usesSchema() {
        return usesSchema;
    }

    /** Values a template can use: one record plus the profile's system prompt and context text. */
    public record Values(ExportRecord record, String system, String context) {
        Object get(String name) {
            if (name.equals("schema")) {
                return record.schema();
            }
            if (name.startsWith("metadata.")) {
                Object value = record.pair().metadata().get(name.substring("metadata.".length()));
                return value instanceof Number n && !(value instanceof BigDecimal)
                        ? new BigDecimal(n.toString())
                        : value;
            }
            Pair p = record.pair();
            return switch (name) {
                case "pair_id" -> p.pairId();
                case "question" -> p.question();
                case "sql" -> p.sql();
                case "timestamp" -> Timestamps.format(p.timestamp());
                case "database_type" -> p.databaseType();
                case "database_name" -> p.databaseName();
                case "table_names" -> p.tableNames();
                case "success" -> p.success();
                case "execution_time_ms" -> p.executionTimeMs();
                case "query_type" -> record.queryType().name();
                case "metadata" -> p.metadata();
                case "system" -> system;
                case "context" -> context;
                default -> throw new IllegalStateException(name);
            };
        }
    }

    public static PresetTemplate compile(JsonNode record) {
        String text = record.toString();
        return new PresetTemplate(node(record), text.contains("{{schema}}") || text.contains("{{#schema}}"));
    }

    public void write(JsonGenerator g, Values v) throws IOException {
        root.write(g, v);
    }

    private interface Node {
        void write(JsonGenerator g, Values v) throws IOException;

        /** The variable whose emptiness drops this node ({@code $if}), or null. */
        default String condition() {
            return null;
        }
    }

    private static boolean empty(Object value) {
        return value == null
                || (value instanceof String s && s.isEmpty())
                || (value instanceof List<?> l && l.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        if (value instanceof BigDecimal d) {
            return ExportWriters.numberText(d);
        }
        return value.toString();
    }

    private static Node node(JsonNode n) {
        if (n.isObject()) {
            String cond = n.hasNonNull("$if") ? checked(n.get("$if").asText()) : null;
            List<String> names = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("$if")) {
                    names.add(e.getKey());
                    values.add(node(e.getValue()));
                }
            }
            return new Node() {
                @Override
                public void write(JsonGenerator g, Values v) throws IOException {
                    g.writeStartObject();
                    for (int i = 0; i < names.size(); i++) {
                        Node child = values.get(i);
                        if (child.condition() == null || !empty(v.get(child.condition()))) {
                            g.writeFieldName(names.get(i));
                            child.write(g, v);
                        }
                    }
                    g.writeEndObject();
                }

                @Override
                public String condition() {
                    return cond;
                }
            };
        }
        if (n.isArray()) {
            List<Node> items = new ArrayList<>();
            n.forEach(x -> items.add(node(x)));
            return (g, v) -> {
                g.writeStartArray();
                for (Node item : items) {
                    if (item.condition() == null || !empty(v.get(item.condition()))) {
                        item.write(g, v);
                    }
                }
                g.writeEndArray();
            };
        }
        if (n.isTextual()) {
            return string(n.asText());
        }
        return (g, v) -> ExportWriters.MAPPER.writeTree(g, n);
    }

    private static Node string(String s) {
        Matcher whole = TOKEN.matcher(s);
        if (whole.matches() && whole.group(1).isEmpty()) {
            String name = checked(whole.group(2));
            return (g, v) -> typed(g, v.get(name));
        }
        List<Part> parts = parse(s);
        return (g, v) -> {
            StringBuilder b = new StringBuilder();
            render(parts, v, b);
            g.writeString(b.toString());
        };
    }

    private static void typed(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            ExportWriters.writeNumber(g, d);
        } else if (value instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                g.writeString(String.valueOf(o));
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> m) {
            ExportWriters.MAPPER.writeValue(g, m);
        } else {
            g.writeString(value.toString());
        }
    }

    /** Literal text, a variable, or a section shown when its variable is not empty. */
    private record Part(String literal, String variable, List<Part> section) {}

    private static List<Part> parse(String s) {
        List<Part> out = new ArrayList<>();
        parseInto(s, TOKEN.matcher(s), 0, null, out);
        return out;
    }

    /** Returns the index after the closing tag of {@code open} (or the end). */
    private static int parseInto(String s, Matcher m, int from, String open, List<Part> out) {
        int at = from;
        while (m.find(at)) {
            if (m.start() > at) {
                out.add(new Part(s.substring(at, m.start()), null, null));
            }
            String kind = m.group(1);
            String name = checked(m.group(2));
            at = m.end();
            if (kind.equals("#")) {
                List<Part> inner = new ArrayList<>();
                at = parseInto(s, m, at, name, inner);
                out.add(new Part(null, name, inner));
            } else if (kind.equals("/")) {
                if (!name.equals(open)) {
                    throw new IllegalArgumentException("preset template closes {{/" + name + "}} without opening it");
                }
                return at;
            } else {
                out.add(new Part(null, name, null));
            }
        }
        if (open != null) {
            throw new IllegalArgumentException("preset template opens {{#" + open + "}} without closing it");
        }
        if (at < s.length()) {
            out.add(new Part(s.substring(at), null, null));
        }
        return s.length();
    }

    private static void render(List<Part> parts, Values v, StringBuilder b) {
        for (Part p : parts) {
            if (p.literal() != null) {
                b.append(p.literal());
            } else if (p.section() != null) {
                if (!empty(v.get(p.variable()))) {
                    render(p.section(), v, b);
                }
            } else {
                b.append(text(v.get(p.variable())));
            }
        }
    }

    private static String checked(String name) {
        if (!NAMES.contains(name) && !name.startsWith("metadata.")) {
            throw new IllegalArgumentException("preset template uses unknown name \"" + name + "\"; known: "
                    + String.join(", ", NAMES) + ", metadata.KEY");
        }
        return name;
    }
}
