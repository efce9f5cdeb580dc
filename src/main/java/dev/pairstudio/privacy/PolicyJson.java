package dev.pairstudio.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a policy file:
 * <pre>{
 *   "name": "strict", "default": "pseudonymize",
 *   "operators": {"EMAIL": "redact", "CUSTOM:emp": "hash"},
 *   "detect_urls": true, "phone_regions": ["US", "GB"],
 *   "custom_rules": [{"name": "emp", "pattern": "EMP-\\d{6}", "validator": "luhn"}],
 *   "deny_lists": [{"name": "client", "values": ["Acme Corp"]}],
 *   "allow": {"values": ["help@example.com"], "patterns": ["noreply@.*"]}
 * }</pre>
 * Unknown keys are refused, so a typo does not silently weaken a policy.
 */
public final class PolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of(
            "name", "default", "operators", "detect_urls", "phone_regions", "custom_rules", "deny_lists", "allow");

    private PolicyJson() {}

    public static Policy read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidRuleException("cannot read policy " + file + ": " + e.getMessage());
        }
    }

    public static Policy parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException("policy is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRuleException("policy must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InvalidRuleException(
                        "unknown policy key '" + k + "'; known: " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        Policy.Builder b = Policy.builder();
        b.name(root.path("name").asText("policy"));
        if (root.has("default")) {
            b.defaultOperator(Operator.parse(root.get("default").asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("operators").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.operator(e.getKey(), Operator.parse(e.getValue().asText()));
        }
        b.detectUrls(root.path("detect_urls").asBoolean(false));
        if (root.has("phone_regions")) {
            b.phoneRegions(strings(root.get("phone_regions"), "phone_regions"));
        }
        for (JsonNode r : root.path("custom_rules")) {
            b.customRule(new CustomRule(
                    text(r, "name"),
                    text(r, "pattern"),
                    r.hasNonNull("validator") ? r.get("validator").asText() : null));
        }
        for (JsonNode d : root.path("deny_lists")) {
            b.denyList(new DenyList(text(d, "name"), strings(d.path("values"), "deny_lists.values")));
        }
        JsonNode allow = root.path("allow");
        if (!allow.isMissingNode()) {
            b.allowList(new AllowList(
                    strings(allow.path("values"), "allow.values"), strings(allow.path("patterns"), "allow.patterns")));
        }
        return b.build();
    }

    private static String text(JsonNode n, String key) {
        if (!n.hasNonNull(key) || !n.get(key).isTextual()) {
            throw new InvalidRuleException("policy entry is missing the text field '" + key + "': " + n);
        }
        return n.get(key).asText();
    }

    private static List<String> strings(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new InvalidRuleException("policy '" + where + "' must be an array of strings");
        }
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw new InvalidRuleException("policy '" + where + "' must contain only strings, found " + v);
            }
            out.add(v.asText());
        }
        return out;
    }
}
