package dev.pairstudio.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.sql.DuplicateGrouper;
import java.util.Locale;
import java.util.Map;

/** The split's part of an export manifest and dataset card: the grouping, what was achieved, and what the check found. */
final class SplitManifest {
    private SplitManifest() {}

    /** What kept pairs together, in words. */
    static String grouping(SplitPlan plan) {
        return String.format(
                Locale.ROOT,
                "pairs that share a duplicate group (an exact or near-duplicate question: word-pair "
                        + "shingles, MinHash, Jaccard index ≥ %.2f), a SQL template%s are kept in one split (connected components)",
                DuplicateGrouper.Options.DEFAULTS.threshold(),
                plan.grouping() == SplitAssigner.Grouping.DATABASE ? " or a database" : "");
    }

    static void describe(ObjectNode s, SplitPlan plan, SplitAudit.Report check) {
        s.put("grouping", grouping(plan));
        s.put("components", plan.components());
        ObjectNode largest = s.putObject("largest_component");
        largest.put("pairs", plan.largestComponent());
        largest.put("share", round(plan.pairs() == 0 ? 0 : (double) plan.largestComponent() / plan.pairs()));
        largest.put("split", plan.largestComponentSplit().label);
        ObjectNode achieved = s.putObject("achieved");
        for (SplitAssigner.Split x : SplitAssigner.Split.values()) {
            achieved.put(x.label, round(plan.achieved(x)));
        }
        s.put("achieved_ratios", plan.achievedText());
        s.put("ratios_met", plan.ratiosMet());
        if (!plan.ratiosMet()) {
            s.put("note", plan.summary());
        }
        ObjectNode strata = s.putObject("strata");
        strata.put("by", plan.strata());
        strata.put("tolerance", SplitAssigner.TOLERANCE);
        ObjectNode counts = strata.putObject("counts");
        for (Map.Entry<String, long[]> e : plan.strataCounts().entrySet()) {
            ObjectNode o = counts.putObject(e.getKey());
            for (SplitAssigner.Split x : SplitAssigner.Split.values()) {
                o.put(x.label, e.getValue()[x.ordinal()]);
            }
        }
        plan.strataOffQuota().forEach(strata.putArray("off_quota")::add);
        ObjectNode c = s.putObject("check");
        c.put("result", check.clean() ? "clean" : "failed");
        ObjectNode kinds = c.putObject("crossing_rows");
        for (SplitAudit.Kind k : check.checked()) {
            kinds.put(k.key(), check.rows(k));
        }
        check.failing().stream().map(SplitAudit.Kind::key).forEach(c.putArray("must_be_zero")::add);
    }

    /** For the dataset card: the grouping and the check, in a paragraph that is true of this export. */
    static String card(SplitPlan plan, SplitAudit.Report check, long seed) {
        StringBuilder b = new StringBuilder();
        b.append("Split ")
                .append(plan.requested())
                .append(" (achieved ")
                .append(plan.achievedText())
                .append(", seed ")
                .append(seed)
                .append("): ")
                .append(grouping(plan))
                .append(". Whole groups are dealt to the splits, balancing ")
                .append(plan.strata())
                .append(".");
        if (!plan.ratiosMet()) {
            b.append(String.format(
                    Locale.ROOT,
                    " Whole groups did not allow closer shares (the largest holds %,d pairs); no group "
                            + "is ever broken to meet a share.",
                    plan.largestComponent()));
        }
        b.append("\n\nChecked after writing: ");
        if (check.clean()) {
            b.append("no exact or near-duplicate question, identical SQL, SQL template or duplicate group")
                    .append(plan.grouping() == SplitAssigner.Grouping.DATABASE ? " or database" : "")
                    .append(" occurs in two splits.");
            if (plan.grouping() != SplitAssigner.Grouping.DATABASE) {
                b.append(String.format(
                        Locale.ROOT,
                        " Databases are shared between splits (%,d rows); export with grouping by "
                                + "database for a split by database.",
                        check.rows(SplitAudit.Kind.DATABASE)));
            }
        } else {
            b.append(check.summary()).append('.');
        }
        return b.toString();
    }

    private static double round(double share) {
        return Math.round(share * 1e4) / 1e4;
    }
}
