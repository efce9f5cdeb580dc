package dev.pairstudio.privacy;

import java.util.List;
import java.util.Objects;

/**
 * Values that are always anonymized (a client's name, a project code), reported as
 * {@code CUSTOM:<name>} and winning over every other detector.
 */
public record DenyList(String name, List<String> values) {
    public DenyList {
        PiiType.custom(name);
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new InvalidRuleException("deny-list '" + name + "' contains an empty value");
        }
    }

    public PiiType type() {
        return PiiType.custom(name);
    }
}
