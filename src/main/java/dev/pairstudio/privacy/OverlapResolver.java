package dev.pairstudio.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * When detectors claim overlapping text, the finding of the higher-priority type wins, then the
 * longer one, then the earlier. Priority follows how specific the validation is: deny-lists, user
 * rules, URL (it contains emails), EMAIL, IBAN, CARD (Luhn + issuer), SSN, IP, then PHONE, which
 * libphonenumber finds in many digit runs (a card number also looks like a phone), then DB_NAME.
 */
final class OverlapResolver {
    private OverlapResolver() {}

    static List<Finding> resolve(List<Finding> all, ToIntFunction<Finding> rank) {
        if (all.size() <= 1) {
            return all;
        }
        List<Finding> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(rank)
                .thenComparing(Comparator.comparingInt(Finding::length).reversed())
                .thenComparingInt(Finding::start));
        List<Finding> kept = new ArrayList<>();
        SpanSet taken = new SpanSet();
        for (Finding f : sorted) {
            if (taken.addIfFree(f.start(), f.end())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
