package dev.pairstudio.privacy;

import java.util.List;

/** One field before and after anonymization, with every finding's span on both sides. */
public record AnonymizedText(Field field, String before, String after, List<Replacement> replacements) {
    public AnonymizedText {
        replacements = List.copyOf(replacements);
    }

    public List<Finding> findings() {
        return replacements.stream().map(Replacement::finding).toList();
    }

    public boolean changed() {
        return !before.equals(after);
    }
}
