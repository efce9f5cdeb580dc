package dev.pairstudio.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.ui.filter.FilterViewModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The numbers behind the charts, their CSV, the HTML report and the drill-down trail, without a window. */
class DashboardChartsTest {

    @Test
    void axisTicksStayShortEnoughForTheAxisTitle() {
        assertThat(List.of(0L, 950L, 9_500L, 12_000L, 12_500L, 300_000L, 1_000_000L, 1_500_000L, 10_000_000L))
                .map(Charts::compact)
                .containsExactly("0", "950", "9,500", "12k", "12.5k", "300k", "1M", "1.5M", "10M");
    }

    @Test
    void theReviewStatusSaysHowManyAreReviewed() {
        ChartNumbers status = new ChartNumbers(
                DashboardCharts.REVIEW_STATUS,
                "Review status",
                Dimension.REVIEW_STATUS,
                List.of("review_status", "pairs"),
                List.of(
                        new ChartNumbers.Row("Accepted", "ACCEPTED", 300),
                        new ChartNumbers.Row("Rejected", "REJECTED", 12),
                        new ChartNumbers.Row("Unreviewed", "UNREVIEWED", 1_688)));
        assertThat(DashboardCharts.reviewed(status)).isEqualTo("312 of 2,000 reviewed");
    }

    @Test
    void csvHasAHeaderAndQuotesWhereNeeded() {
        ChartNumbers n = new ChartNumbers(
                "t",
                "Tables",
                Dimension.TABLE,
                List.of("table", "pairs"),
                List.of(
                        new ChartNumbers.Row("orders", "orders", 12),
                        new ChartNumbers.Row("weird, \"name\"", "weird", 3)));
        assertThat(n.csv()).isEqualTo("table,pairs\norders,12\n\"weird, \"\"name\"\"\",3\n");
        assertThat(n.total()).isEqualTo(15);
    }

    @Test
    void perDayCarriesSuccessfulPairsAndARollingSuccessRate() {
        TreeMap<LocalDate, Long> pairs = new TreeMap<>();
        TreeMap<LocalDate, Long> ok = new TreeMap<>();
        LocalDate d = LocalDate.of(2025, 3, 1);
        pairs.put(d, 4L);
        ok.put(d, 2L);
        pairs.put(d.plusDays(3), 6L);
        ok.put(d.plusDays(3), 6L);
        pairs.put(d.plusDays(10), 1L); // the first two days are out of its 7-day window
        ChartNumbers n = DashboardCharts.perDay(pairs, ok);
        assertThat(n.csv())
                .isEqualTo("day_utc,pairs,successful_pairs,success_rate_7d_percent\n"
                        + "2025-03-01,4,2,50.0\n2025-03-04,6,6,80.0\n2025-03-11,1,0,0.0\n");
        assertThat(n.dimension()).isEqualTo(Dimension.DAY);
    }

    @Test
    void htmlReportIsSelfContainedAndEscaped() {
        ChartNumbers n = new ChartNumbers(
                "top-tables",
                "Top <tables>",
                Dimension.TABLE,
                List.of("table", "pairs"),
                List.of(new ChartNumbers.Row("a&b", "a&b", 2)));
        String html = HtmlReport.render(
                "Type: SELECT",
                Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new DashboardCharts.Headline("pairs", "Pairs", "1,234", "matching")),
                List.of(new HtmlReport.Section(n, new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertThat(html)
                .contains("<td class=\"num\">1,234</td>")
                .contains("Top &lt;tables&gt;")
                .contains("<td>a&amp;b</td>")
                .contains("src=\"data:image/png;base64,iVBORw==\"")
                .contains("Filter: Type: SELECT");
    }

    @Test
    void drillDownNarrowsOneFieldAndEachCrumbRestoresTheFilterBeforeIt() {
        FilterViewModel filters = new FilterViewModel();
        filters.queryTypes.addAll(Set.of(QueryType.SELECT, QueryType.INSERT));
        PairFilter start = filters.filter();
        DrillDown drill = new DrillDown(filters);

        drill.narrow(Dimension.QUERY_TYPE, "SELECT", "SELECT");
        PairFilter afterType = filters.filter();
        drill.narrow(Dimension.REVIEW_STATUS, "REJECTED", "Rejected");
        drill.narrow(Dimension.DAY, "2025-05-04", "2025-05-04");
        assertThat(filters.filter().queryTypes()).containsExactly(QueryType.SELECT);
        assertThat(filters.filter().statuses()).containsExactly(ReviewStatus.REJECTED);
        assertThat(filters.filter().from()).hasToString("2025-05-04T00:00:00Z");
        assertThat(filters.filter().to()).hasToString("2025-05-05T00:00:00Z");
        assertThat(drill.steps())
                .extracting(DrillDown.Step::label)
                .containsExactly("Type: SELECT", "Status: Rejected", "Day: 2025-05-04");

        drill.undoFrom(1);
        assertThat(filters.filter()).isEqualTo(afterType);
        assertThat(drill.steps()).hasSize(1);
        drill.back();
        assertThat(filters.filter()).isEqualTo(start);
        assertThat(drill.steps()).isEmpty();

        drill.narrow(Dimension.QUERY_TYPE, "INSERT", "INSERT");
        drill.narrow(Dimension.QUERY_TYPE, "INSERT", "INSERT"); // no change, no step
        assertThat(drill.steps()).hasSize(1);
        drill.narrow(Dimension.NONE, "0–24", "0–24");
        assertThat(drill.steps()).hasSize(1);
    }
}
