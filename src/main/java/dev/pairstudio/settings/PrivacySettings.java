package dev.pairstudio.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pairstudio.privacy.AllowList;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.DenyList;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.PolicyJson;
import dev.pairstudio.privacy.Pseudonymizer;
import dev.pairstudio.store.Database;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The database's privacy policy: a policy JSON (as {@code --policy FILE} reads) kept in the
 * store's settings, plus the values reviewers marked "not PII" (allow-list) or "always
 * anonymize" (deny-list) in the preview. Everything that anonymizes for a database (export,
 * preview, collector, import analysis) builds its {@link Anonymizer} here, with the
 * database's own secret.
 */
public final class PrivacySettings {
    static final String POLICY = "privacy.policy";
    static final String ALLOW = "privacy.allow";
    static final String DENY = "privacy.deny";
    /** Deny-list findings are reported as {@code CUSTOM:always}. */
    public static final String DENY_LIST_NAME = "always";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PrivacySettings() {}

    public static Policy policy(Database store) {
        Policy base = store.setting(POLICY).map(PolicyJson::parse).orElseGet(Policy::defaults);
        List<String> allowed = list(store, ALLOW);
        List<String> denied = list(store, DENY);
        if (allowed.isEmpty() && denied.isEmpty()) {
            return base;
        }
        List<String> allowValues = new ArrayList<>(base.allowList().values());
        allowValues.addAll(allowed);
        List<DenyList> denyLists = new ArrayList<>(base.denyLists());
        if (!denied.isEmpty()) {
            denyLists.add(new DenyList(DENY_LIST_NAME, denied));
        }
        return new Policy(
                base.name(),
                base.defaultOperator(),
                base.operators(),
                base.detectUrls(),
                base.phoneRegions(),
                base.customRules(),
                denyLists,
                new AllowList(allowValues, base.allowList().patterns()));
    }

    /** Stores a policy JSON (validated first: a bad one is refused with the parser's message). */
    public static void setPolicy(Database store, String policyJson) {
        PolicyJson.parse(policyJson);
        store.putSetting(POLICY, policyJson);
    }

    public static Anonymizer anonymizer(Database store) {
        return anonymizer(store, policy(store));
    }

    public static Anonymizer anonymizer(Database store, Policy policy) {
        return new Anonymizer(policy, new Pseudonymizer(store.privacySecret(), policy.phoneRegions()));
    }

    /** Never anonymize this exact value again (case-insensitive). Removes it from the deny-list. */
    public static void allow(Database store, String value) {
        move(store, value, DENY, ALLOW);
    }

    /** Always anonymize this exact value. Removes it from the allow-list. */
    public static void deny(Database store, String value) {
        move(store, value, ALLOW, DENY);
    }

    public static List<String> allowed(Database store) {
        return list(store, ALLOW);
    }

    public static List<String> denied(Database store) {
        return list(store, DENY);
    }

    private static synchronized void move(Database store, String value, String fromKey, String toKey) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An empty value cannot be added to a privacy list");
        }
        Set<String> from = new LinkedHashSet<>(list(store, fromKey));
        from.removeIf(v -> v.equalsIgnoreCase(value));
        Set<String> to = new LinkedHashSet<>(list(store, toKey));
        to.add(value);
        store.putSetting(fromKey, json(from));
        store.putSetting(toKey, json(to));
    }

    private static List<String> list(Database store, String key) {
        return store.setting(key)
                .map(s -> {
                    try {
                        List<String> out = new ArrayList<>();
                        MAPPER.readTree(s).forEach(n -> out.add(n.asText()));
                        return out;
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(
                                "The stored setting " + key + " is damaged: " + e.getOriginalMessage(), e);
                    }
                })
                .orElse(List.of());
    }

    private static String json(Set<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a.toString();
    }
}
