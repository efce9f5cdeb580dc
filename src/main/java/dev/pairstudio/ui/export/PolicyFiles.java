package dev.pairstudio.ui.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.privacy.CustomRule;
import dev.pairstudio.privacy.DenyList;
import dev.pairstudio.privacy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Turns a policy chosen in the wizard into the policy file an {@link dev.pairstudio.export.ExportProfile}
 * refers to ({@code policyFile}): the exporter reads policies from files only. Files are named
 * by a hash of their content ({@code policy-1a2b3c4d5e6f.json}), so a saved profile's file is
 * never changed under it and equal policies share one file.
 */
final class PolicyFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyFiles() {}

    /** The policy as {@link dev.pairstudio.privacy.PolicyJson} reads it. */
    static String toJson(Policy p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name());
        o.put("default", p.defaultOperator().name().toLowerCase(Locale.ROOT));
        ObjectNode ops = o.putObject("operators");
        new TreeMap<>(p.operators()).forEach((k, v) -> ops.put(k, v.name().toLowerCase(Locale.ROOT)));
        o.put("detect_urls", p.detectUrls());
        ArrayNode regions = o.putArray("phone_regions");
        p.phoneRegions().forEach(regions::add);
        ArrayNode rules = o.putArray("custom_rules");
        for (CustomRule r : p.customRules()) {
            ObjectNode n = rules.addObject();
            n.put("name", r.name());
            n.put("pattern", r.pattern());
            if (r.validator() != null) {
                n.put("validator", r.validator());
            }
        }
        ArrayNode deny = o.putArray("deny_lists");
        for (DenyList d : p.denyLists()) {
            ObjectNode n = deny.addObject();
            n.put("name", d.name());
            ArrayNode values = n.putArray("values");
            d.values().forEach(values::add);
        }
        ObjectNode allow = o.putObject("allow");
        ArrayNode values = allow.putArray("values");
        p.allowList().values().forEach(values::add);
        ArrayNode patterns = allow.putArray("patterns");
        p.allowList().patterns().forEach(patterns::add);
        return o.toPrettyString();
    }

    /** Writes the policy into {@code folder} (created when missing) unless an equal file is there; returns its path. */
    static Path write(Path folder, Policy policy) {
        String json = toJson(policy);
        Path target = folder.resolve("policy-" + hash(json) + ".json");
        try {
            if (Files.isRegularFile(target) && Files.readString(target).equals(json)) {
                return target;
            }
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".policy-", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the privacy policy to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
