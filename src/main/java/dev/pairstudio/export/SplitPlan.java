package dev.pairstudio.export;

import dev.pairstudio.export.SplitAssigner.Grouping;
import dev.pairstudio.export.SplitAssigner.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where every pair of the scope goes, and what was achieved. */
public final class SplitPlan {
    private final SplitRatios ratios;
    private final Grouping grouping;
    private final boolean stratified;
    private final long[] ids;
    private final byte[] split;
    /** Per pair, the hash of its SQL template ({@link SplitAssigner#template}), as the grouping compared it. */
    private final long[] templateKey;

    private final String[] strataNames;
    private final long[][] strataCounts;
    private final long[] counts = new long[3];
    private final int components;
    private final int largest;
    private final Split largestSplit;

    SplitPlan(
            SplitRatios ratios,
            Grouping grouping,
            boolean stratified,
            long[] ids,
            byte[] split,
            long[] templateKey,
            String[] strataNames,
            long[][] strataCounts,
            int components,
            int largest,
            Split largestSplit) {
        this.ratios = ratios;
        this.grouping = grouping;
        this.stratified = stratified;
        this.ids = ids;
        this.split = split;
        this.templateKey = templateKey;
        this.strataNames = strataNames;
        this.strataCounts = strataCounts;
        this.components = components;
        this.largest = largest;
        this.largestSplit = largestSplit;
        for (byte s : split) {
            counts[s]++;
        }
    }

    /** The split of the pair with this store id, or null when the pair was not in the scope planned. */
    public Split splitOf(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i < 0 ? null : Split.values()[split[i]];
    }

    /**
     * The template hash the grouping used for the pair with this store id (0 when not planned): the export's check
     * compares it rather than lexing a million SQL strings again.
     */
    long templateKey(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i < 0 ? 0 : templateKey[i];
    }

    /** The store ids planned, ascending (not a copy: read only). */
    long[] ids() {
        return ids;
    }

    public long pairs() {
        return ids.length;
    }

    public long count(Split s) {
        return counts[s.ordinal()];
    }

    public SplitRatios requested() {
        return ratios;
    }

    public Grouping grouping() {
        return grouping;
    }

    /** The share of the pairs in {@code s}. */
    public double achieved(Split s) {
        return ids.length == 0 ? 0 : (double) counts[s.ordinal()] / ids.length;
    }

    static double requested(SplitRatios r, Split s) {
        return switch (s) {
            case TRAIN -> r.train();
            case VALIDATION -> r.validation();
            case TEST -> r.test();
        };
    }

    /** Every split within one percentage point of its requested share (or one pair, for small sets). */
    public boolean ratiosMet() {
        return onQuota(counts, ids.length);
    }

    private boolean onQuota(long[] perSplit, long total) {
        for (Split s : Split.values()) {
            if (Math.abs(perSplit[s.ordinal()] - requested(ratios, s) * total)
                    > Math.max(SplitAssigner.TOLERANCE * total, 1)) {
                return false;
            }
        }
        return true;
    }

    /** Groups of pairs kept together (a pair alone is a component of one). */
    public int components() {
        return components;
    }

    /** Pairs in the largest component. */
    public int largestComponent() {
        return largest;
    }

    public Split largestComponentSplit() {
        return largestSplit;
    }

    /** What the strata are: "query type", or "query type and complexity". */
    public String strata() {
        return stratified ? "query type and complexity" : "query type";
    }

    /** Per stratum (SELECT, or SELECT/EASY with complexity): pairs per split, in split order. */
    public Map<String, long[]> strataCounts() {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int k = 0; k < strataNames.length; k++) {
            m.put(strataNames[k], strataCounts[k].clone());
        }
        return m;
    }

    /** Strata more than a percentage point (and a pair) off the requested shares in some split: whole groups did not allow it. */
    public List<String> strataOffQuota() {
        List<String> off = new ArrayList<>();
        for (int k = 0; k < strataNames.length; k++) {
            if (!onQuota(strataCounts[k], strataCounts[k][0] + strataCounts[k][1] + strataCounts[k][2])) {
                off.add(strataNames[k]);
            }
        }
        return off;
    }

    /** The achieved shares like the requested ones: "80.1/9.9/10". */
    public String achievedText() {
        StringBuilder b = new StringBuilder();
        for (Split s : Split.values()) {
            double pct = Math.round(achieved(s) * 1000) / 10.0;
            b.append(b.length() == 0 ? "" : "/")
                    .append(
                            pct == Math.rint(pct)
                                    ? Long.toString((long) pct)
                                    : String.format(Locale.ROOT, "%.1f", pct));
        }
        return b.toString();
    }

    /** One line for people: achieved against requested, and why when they differ. */
    public String summary() {
        String base = String.format(
                Locale.ROOT,
                "%,d pairs in %,d groups (%s); achieved %s for %s",
                ids.length,
                components,
                grouping == Grouping.DATABASE
                        ? "by duplicates, near duplicates, SQL template and database"
                        : "by duplicates, near duplicates and SQL template",
                achievedText(),
                ratios);
        if (ratiosMet()) {
            return base;
        }
        return base
                + String.format(
                        Locale.ROOT,
                        ": whole groups do not allow closer shares (the largest group holds "
                                + "%,d pairs, %.1f%%; no group is ever broken)",
                        largest,
                        100.0 * largest / Math.max(1, ids.length));
    }
}
