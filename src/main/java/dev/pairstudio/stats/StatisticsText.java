package dev.pairstudio.stats;

import dev.pairstudio.pair.Plural;
import dev.pairstudio.pair.Timestamps;
import java.util.Locale;
import java.util.Map;

/** Statistics as a short human-readable report (the CLI's default output). */
public final class StatisticsText {
    private StatisticsText() {}

    /** "1,234 (1,200 successful, 34 failed)": the pairs line of this report and of an export's dataset card. */
    public static String pairCounts(Statistics s) {
        return String.format(
                Locale.ROOT, "%,d (%,d successful, %,d failed)", s.totalPairs(), s.successfulPairs(), s.failedPairs());
    }

    public static String format(Statistics s) {
        StringBuilder b = new StringBuilder();
        line(b, "Pairs", pairCounts(s));
        if (s.totalPairs() == 0) {
            return b.toString();
        }
        line(b, "Date range", Timestamps.format(s.start()) + " .. " + Timestamps.format(s.end()));
        line(b, "Database types", String.join(", ", s.databaseTypes()));
        line(b, "Tables", Plural.number(s.uniqueTables().size()) + " distinct");
        line(b, "Avg question", String.format(Locale.ROOT, "%.1f characters", s.avgQueryLength()));
        line(b, "Avg SQL", String.format(Locale.ROOT, "%.1f characters", s.avgSqlLength()));
        line(b, "Query types", join(s.queryTypeDistribution()));
        line(b, "Review", join(s.reviewStatus()));
        line(b, "Complexity", join(s.complexity()));
        line(
                b,
                "Duplicates",
                String.format(
                        Locale.ROOT,
                        "%,d duplicate, %,d conflict, %,d near-duplicate",
                        s.duplicates(),
                        s.conflicts(),
                        s.nearDuplicates()));
        line(b, "PII (pairs)", s.piiFindings().isEmpty() ? "none found" : join(s.piiFindings()));
        line(b, "Days", Plural.number(s.pairsPerDay().size()) + " with pairs");
        StringBuilder top = new StringBuilder();
        s.topTables().stream()
                .limit(10)
                .forEach(t -> top.append(top.length() == 0 ? "" : ", ")
                        .append(t.table())
                        .append(' ')
                        .append(Plural.number(t.pairs())));
        line(b, "Top tables", top.toString());
        s.schemaValidity()
                .forEach((db, v) -> line(
                        b,
                        "Valid (schema)",
                        String.format(
                                Locale.ROOT,
                                "%s: %.1f %% of %,d validated (%,d pair%s)",
                                db.isEmpty() ? "(no name)" : db,
                                100 * v.validShare(),
                                v.validated(),
                                v.pairs(),
                                v.pairs() == 1 ? "" : "s")));
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
    }

    private static String join(Map<?, Long> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                .append(k instanceof Enum<?> e ? e.name() : k)
                .append(' ')
                .append(String.format(Locale.ROOT, "%,d", v)));
        return b.toString();
    }
}
