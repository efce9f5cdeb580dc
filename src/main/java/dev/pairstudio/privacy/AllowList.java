package dev.pairstudio.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Values never anonymized (a public support address, the company's switchboard): exact values,
 * case-insensitive, or regexes that must match the whole value.
 */
public record AllowList(List<String> values, List<String> patterns) {
    public static final AllowList EMPTY = new AllowList(List.of(), List.of());

    public AllowList {
        values = List.copyOf(values);
        patterns = List.copyOf(patterns);
    }

    Compiled compile() {
        List<Pattern> compiled = patterns.stream()
                .map(p -> {
                    try {
                        return Pattern.compile(p);
                    } catch (PatternSyntaxException e) {
                        throw new InvalidRuleException(
                                "allow-list pattern '" + p + "' does not compile: " + e.getDescription());
                    }
                })
                .toList();
        return new Compiled(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()), compiled);
    }

    record Compiled(Set<String> values, List<Pattern> patterns) {
        boolean allows(String value) {
            if (values.contains(value.toLowerCase(Locale.ROOT))) {
                return true;
            }
            for (Pattern p : patterns) {
                if (p.matcher(new DeadlineCharSequence(value, System.nanoTime() + 50_000_000L, "allow-list"))
                        .matches()) {
                    return true;
                }
            }
            return false;
        }
    }
}
