package dev.pairstudio.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.AnonymizedPair;
import dev.pairstudio.privacy.AnonymizedText;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.InvalidRuleException;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.Replacement;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pairstudio anonymize --input IN --output OUT [--policy FILE]}: JSONL in, JSONL out, one
 * line out per line in (ARCHITECTURE.md, "Contracts"). Offsets in the output count Unicode code
 * points of the original field, as a Python or JavaScript-with-codePoint reader expects.
 * Original values and the key are never printed.
 */
@Command(
        name = "anonymize",
        description = {
            "Anonymize JSONL lines: text lines {\"id\",\"text\"} and pair lines {\"id\",\"question\",\"sql\"}"
                    + " (optional \"database_type\", \"database_name\").",
            "Each output line carries the anonymized fields and \"findings\" [{\"field\",\"type\",\"start\",\"end\"}]"
                    + " with start/end as code-point offsets into the original field."
        },
        mixinStandardHelpOptions = true)
public final class AnonymizeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Mixin
    DatabaseOption database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IN", description = "JSONL file to read")
    Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "OUT",
            description = "JSONL file to write (replaced atomically; - for standard output)")
    Path output;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON (default: pseudonymize every type)")
    Path policyFile;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new Cli.UserError("input " + input + " is not a readable file");
        }
        Anonymizer anonymizer;
        try (Database store = StoreAccess.open(database)) {
            // The database's own secret keys the pseudonyms, so they match its exports; its policy
            // (with the reviewers' allow- and deny-lists) applies unless --policy names another.
            Policy policy = policyFile == null ? PrivacySettings.policy(store) : Policy.load(policyFile);
            anonymizer = PrivacySettings.anonymizer(store, policy);
        } catch (InvalidRuleException e) {
            throw new Cli.UserError("policy " + (policyFile == null ? "" : policyFile + ": ") + e.getMessage());
        }
        int bad = 0;
        int lines = 0;
        PrintWriter err = spec.commandLine().getErr();
        // bytes that are not UTF-8 become U+FFFD (the reader's default) instead of failing the file
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(Files.newInputStream(input), StandardCharsets.UTF_8));
                OutputFile file = OutputFile.open(output)) {
            Writer out = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                String error = null;
                String id = null;
                String result;
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node == null || !node.isObject()) {
                        throw new LineError("not a JSON object");
                    }
                    id = node.hasNonNull("id") ? node.get("id").asText() : null;
                    result = anonymizeLine(node, anonymizer);
                } catch (JsonProcessingException e) {
                    error = "malformed JSON: " + e.getOriginalMessage();
                    result = null;
                } catch (LineError | AnonymizationException e) {
                    error = e.getMessage();
                    result = null;
                }
                if (error != null) {
                    bad++;
                    err.println("pairstudio anonymize: " + input + ":" + lines + ": " + error);
                    result = errorLine(id, error);
                }
                out.write(result);
                out.write('\n');
            }
            out.flush();
            file.commit();
        }
        err.flush();
        if (bad > 0) {
            err.println("pairstudio anonymize: " + Plural.number(bad) + " of " + Plural.of(lines, "line")
                    + (bad == 1 ? " was" : " were") + " bad; their output lines carry \"error\"");
            err.flush();
            return Cli.BAD_INPUT;
        }
        return Cli.OK;
    }

    /** One input line's output: a text line or a pair line, decided by its keys. */
    private static String anonymizeLine(JsonNode node, Anonymizer anonymizer) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.writeStartObject();
            if (node.has("id")) {
                g.writeFieldName("id");
                JSON.writeTree(g, node.get("id"));
            }
            if (node.has("text")) {
                AnonymizedText t = anonymizer.anonymizeText(text(node, "text"));
                g.writeStringField("text", clean(t.after()));
                g.writeArrayFieldStart("findings");
                writeFindings(g, t.replacements(), t.before(), false);
                g.writeEndArray();
            } else if (node.has("question") || node.has("sql")) {
                String dbType = optionalText(node, "database_type");
                String dbName = optionalText(node, "database_name");
                AnonymizedPair p = anonymizer.anonymizePair(text(node, "question"), text(node, "sql"), dbType, dbName);
                g.writeStringField("question", clean(p.question().after()));
                g.writeStringField("sql", clean(p.sql().after()));
                if (dbType != null) {
                    g.writeStringField("database_type", dbType);
                }
                if (node.has("database_name")) {
                    g.writeStringField("database_name", p.databaseNameAfter());
                }
                g.writeArrayFieldStart("findings");
                writeFindings(g, p.question().replacements(), p.question().before(), true);
                writeFindings(g, p.sql().replacements(), p.sql().before(), true);
                if (p.databaseName() != null) {
                    writeFindings(
                            g, p.databaseName().replacements(), p.databaseName().before(), true);
                }
                g.writeEndArray();
            } else {
                throw new LineError("a line needs \"text\" (text line) or \"question\" and \"sql\" (pair line)");
            }
            g.writeEndObject();
        }
        return sw.toString();
    }

    private static void writeFindings(JsonGenerator g, List<Replacement> reps, String original, boolean withField)
            throws IOException {
        for (Replacement r : reps) {
            g.writeStartObject();
            if (withField) {
                g.writeStringField("field", r.field().jsonName());
            }
            g.writeStringField("type", r.type().label());
            g.writeNumberField("start", original.codePointCount(0, r.start()));
            g.writeNumberField("end", original.codePointCount(0, r.end()));
            g.writeEndObject();
        }
    }

    private static String errorLine(String id, String error) {
        var o = JSON.createObjectNode();
        if (id != null) {
            o.put("id", id);
        }
        o.put("error", error);
        return o.toString();
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new LineError("\"" + key + "\" must be a string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new LineError("\"" + key + "\" must be a string or null");
        }
        return v.asText();
    }

    /** Lone UTF-16 surrogates cannot be written as UTF-8: U+FFFD keeps the length, so offsets stay right. */
    private static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (lone && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A line that cannot be anonymized; the message names the reason, never a value. */
    private static final class LineError extends RuntimeException {
        LineError(String message) {
            super(message);
        }
    }
}
