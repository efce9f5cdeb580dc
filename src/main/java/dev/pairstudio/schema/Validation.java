package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The outcome of validating one pair against one schema version: its flags and what each points at. */
public record Validation(long schemaId, List<ValidationMessage> messages) {
    public Validation {
        messages = List.copyOf(messages);
    }

    public Set<QualityFlag> flags() {
        EnumSet<QualityFlag> set = EnumSet.noneOf(QualityFlag.class);
        messages.forEach(m -> set.add(m.flag()));
        return set;
    }

    public long flagBits() {
        long bits = 0;
        for (ValidationMessage m : messages) {
            bits |= m.flag().bit();
        }
        return bits;
    }

    public boolean has(QualityFlag flag) {
        return messages.stream().anyMatch(m -> m.flag() == flag);
    }
}
