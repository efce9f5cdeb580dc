package dev.pairstudio.export;

import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The README.md dataset card of a Hugging Face datasets folder: YAML front matter naming the splits, then the statistics. */
final class ExportDatasetCard {
    private ExportDatasetCard() {}

    static String of(
            ExportProfile profile,
            String format,
            SplitPlan split,
            SplitAudit.Report check,
            Statistics s,
            List<ExportResult.FileEntry> files,
            String appVersion,
            Instant exportedAt) {
        StringBuilder b = new StringBuilder();
        b.append("---\n");
        b.append("configs:\n- config_name: default\n  data_files:\n");
        for (ExportResult.FileEntry f : files) {
            b.append("  - split: ")
                    .append(f.split())
                    .append("\n    path: ")
                    .append(f.path().getFileName())
                    .append('\n');
        }
        b.append("task_categories:\n- text-generation\n- table-question-answering\n");
        b.append("tags:\n- text-to-sql\n- sql\n");
        b.append("---\n\n");
        b.append("# ")
                .append(profile.name() == null ? "Text-to-SQL pairs" : profile.name())
                .append("\n\n");
        b.append("Natural-language questions with their SQL, exported by Pair Studio ")
                .append(appVersion)
                .append(" on ")
                .append(Timestamps.format(exportedAt))
                .append(" UTC.\n\n");
        b.append(
                "Each line of the JSONL files is one pair: `id`, `question`, `sql`, `db_id`, `database_type`, `tables`, "
                        + "`query_type`, `success`.\n\n");
        b.append("## Splits\n\n")
                .append(SplitManifest.card(split, check, profile.seed()))
                .append("\n\n");
        b.append("| split | pairs |\n|---|---:|\n");
        for (ExportResult.FileEntry f : files) {
            b.append("| ").append(f.split()).append(" | ").append(f.pairs()).append(" |\n");
        }
        b.append("\n## Privacy\n\n")
                .append(
                        profile.anonymize()
                                ? "Personal data in the questions, the SQL literals and the database names was replaced by consistent keyed pseudonyms.\n"
                                : "Not anonymized.\n");
        b.append("\n## Statistics\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "pairs", StatisticsText.pairCounts(s));
        if (s.start() != null) {
            row(b, "date range", Timestamps.format(s.start()) + " to " + Timestamps.format(s.end()));
        }
        row(b, "database types", String.join(", ", s.databaseTypes()));
        row(b, "distinct tables", Integer.toString(s.uniqueTables().size()));
        row(b, "average question length", String.format(Locale.ROOT, "%.1f characters", s.avgQueryLength()));
        row(b, "average SQL length", String.format(Locale.ROOT, "%.1f characters", s.avgSqlLength()));
        row(b, "query types", join(s.queryTypeDistribution()));
        row(b, "complexity", join(s.complexity()));
        row(b, "review", join(s.reviewStatus()));
        b.append(
                "\nThe statistics describe the selected pairs before deduplication; `manifest.json` has them in full.\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
    }

    private static String join(Map<?, Long> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                .append(k instanceof Enum<?> e ? e.name() : k)
                .append(": ")
                .append(v));
        return b.toString();
    }
}
