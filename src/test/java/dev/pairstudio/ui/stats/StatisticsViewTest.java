package dev.pairstudio.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Database;
import dev.pairstudio.testing.PairsWithAnEmail;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.Screenshots;
import dev.pairstudio.ui.Theme;
import dev.pairstudio.ui.filter.FilterViewModel;
import dev.pairstudio.ui.task.FxTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The statistics dashboard on a real, analysed H2 file: it follows the filter, drills down, undoes, saves and copies. */
@ExtendWith(ApplicationExtension.class)
class StatisticsViewTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private Database store;
    private FilterViewModel filters;
    private StatisticsView view;
    private Scene scene;
    private Stage stage;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildOnce() {
        PairsWithAnEmail.copy(); // off the FX thread, once
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = ui.database(PairsWithAnEmail.copy());
        // some review decisions, so that the status chart has more than one slice
        store.setStatus(
                PairFilter.ALL.withDatabaseTypes(Set.of("postgresql")).withSuccess(true), ReviewStatus.ACCEPTED);
        store.setStatus(
                PairFilter.ALL.withDatabaseTypes(Set.of("sqlserver")).withSuccess(false), ReviewStatus.REJECTED);
        filters = new FilterViewModel();
        view = ui.mount(
                stage,
                new StatisticsView(store, filters, new FxTaskRunner(ui.jobs()), Duration.millis(50)),
                1400,
                1000,
                StatisticsView::dispose);
        scene = view.getScene();
        Theme.apply(view, false);
        view.setActive(true);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /** Waits until the dashboard shows the view-model's current filter. */
    private DashboardData shown() throws Exception {
        waitFor(() -> {
            DashboardData d = view.dataProperty().get();
            return d != null
                    && d.complete()
                    && d.filter().equals(filters.filter())
                    && !view.busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view.dataProperty().get();
    }

    private String headline(FxRobot robot, String id) {
        return robot.lookup("#headline-" + id).queryAs(Label.class).getText();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void aFilterChangeUpdatesTheHeadlineAndTheCharts(FxRobot robot) throws Exception {
        shown();
        assertThat(headline(robot, "pairs")).isEqualTo(count(store.count(PairFilter.ALL)));

        robot.interact(() -> filters.outcome.set(FilterViewModel.Outcome.FAILED));
        DashboardData d = shown();
        long failed = store.count(filters.filter());
        assertThat(failed).isPositive().isLessThan(store.count(PairFilter.ALL));
        assertThat(headline(robot, "pairs")).isEqualTo(count(failed));
        assertThat(headline(robot, "success-rate")).isEqualTo("0.0 %");
        assertThat(view.numbers(DashboardCharts.QUERY_TYPES).total()).isEqualTo(failed);
        assertThat(view.numbers(DashboardCharts.REVIEW_STATUS).total()).isEqualTo(failed);
        assertThat(view.numbers(DashboardCharts.PAIRS_PER_DAY).total()).isEqualTo(failed);
        assertThat(d.stats().totalPairs()).isEqualTo(failed);

        robot.interact(() -> filters.queryTypes.add(QueryType.INSERT)); // the charts follow every change
        shown();
        assertThat(headline(robot, "pairs")).isEqualTo(count(store.count(filters.filter())));
        assertThat(view.numbers(DashboardCharts.QUERY_TYPES).rows())
                .extracting(ChartNumbers.Row::key)
                .containsExactly("INSERT");
    }

    @Test
    void clickingBarsAndSlicesNarrowsTheFilterAndTheBreadcrumbUndoesIt(FxRobot robot) throws Exception {
        shown();
        long selects = view.numbers(DashboardCharts.QUERY_TYPES)
                .row("SELECT")
                .orElseThrow()
                .count();
        robot.clickOn(view.drillNode(DashboardCharts.QUERY_TYPES, "SELECT"));
        assertThat(filters.filter().queryTypes()).containsExactly(QueryType.SELECT);
        assertThat(store.count(filters.filter())).isEqualTo(selects);
        PairFilter afterFirst = filters.filter();
        shown();
        assertThat(headline(robot, "pairs")).isEqualTo(count(selects));

        long unreviewed = view.numbers(DashboardCharts.REVIEW_STATUS)
                .row("UNREVIEWED")
                .orElseThrow()
                .count();
        robot.clickOn(view.drillNode(DashboardCharts.REVIEW_STATUS, "UNREVIEWED"));
        assertThat(filters.filter().statuses()).containsExactly(ReviewStatus.UNREVIEWED);
        assertThat(filters.filter().queryTypes()).containsExactly(QueryType.SELECT);
        assertThat(store.count(filters.filter())).isEqualTo(unreviewed);
        shown();

        // a table, further down the dashboard
        String table = view.numbers(DashboardCharts.TOP_TABLES).rows().get(0).key();
        long tablePairs = view.numbers(DashboardCharts.TOP_TABLES).rows().get(0).count();
        Node bar = view.drillNode(DashboardCharts.TOP_TABLES, table);
        reveal(robot, bar);
        robot.clickOn(bar);
        assertThat(filters.filter().tables()).containsExactly(table);
        assertThat(store.count(filters.filter())).isEqualTo(tablePairs);
        shown();

        assertThat(robot.lookup("#crumb-1").queryLabeled().getText()).isEqualTo("Type: SELECT");
        assertThat(robot.lookup("#crumb-2").queryLabeled().getText()).isEqualTo("Status: Unreviewed");
        assertThat(robot.lookup("#crumb-3").queryLabeled().getText()).isEqualTo("Table: " + table);
        Screenshots.save(scene, "statistics-drilled-down");

        robot.clickOn("#crumb-1"); // back to "SELECT only"
        assertThat(filters.filter()).isEqualTo(afterFirst);
        assertThat(view.drillDown().steps()).hasSize(1);
        shown();
        assertThat(headline(robot, "pairs")).isEqualTo(count(selects));

        robot.clickOn("#crumb-0"); // every drill-down undone
        assertThat(filters.filter()).isEqualTo(PairFilter.ALL);
        assertThat(view.drillDown().steps()).isEmpty();
        shown();
        assertThat(headline(robot, "pairs")).isEqualTo(count(store.count(PairFilter.ALL)));
    }

    @Test
    void clickingADayNarrowsTheDateRangeToThatDay(FxRobot robot) throws Exception {
        shown();
        ChartNumbers days = view.numbers(DashboardCharts.PAIRS_PER_DAY);
        ChartNumbers.Row busiest = days.rows().stream()
                .max(Comparator.comparingLong(ChartNumbers.Row::count))
                .orElseThrow();
        LocalDate day = LocalDate.parse(busiest.key());
        XYChart<?, ?> chart =
                (XYChart<?, ?>) robot.lookup(".pairs-per-day-chart").query();
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        Node plot = chart.lookup(".chart-plot-background");
        AtomicReference<Point2D> at = new AtomicReference<>();
        robot.interact(() -> {
            double x = axis.localToScreen(axis.getDisplayPosition(day.toEpochDay()), 0)
                    .getX();
            Bounds b = plot.localToScreen(plot.getBoundsInLocal());
            at.set(new Point2D(x, b.getMinY() + b.getHeight() * 0.8));
        });
        robot.clickOn(at.get());
        assertThat(filters.filter().from()).isEqualTo(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(filters.filter().to())
                .isEqualTo(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(store.count(filters.filter())).isEqualTo(busiest.count());
        shown();
        assertThat(headline(robot, "pairs")).isEqualTo(count(busiest.count()));
        assertThat(robot.lookup("#crumb-1").queryLabeled().getText()).isEqualTo("Day: " + day);

        robot.clickOn("#drill-back");
        assertThat(filters.filter()).isEqualTo(PairFilter.ALL);
    }

    @Test
    void piiAndDatabaseTypeSlicesDrillDownToo(FxRobot robot) throws Exception {
        shown();
        ChartNumbers pii = view.numbers(DashboardCharts.PII_TYPES);
        ChartNumbers.Row email = pii.row("EMAIL").orElseThrow();
        Node bar = view.drillNode(DashboardCharts.PII_TYPES, "EMAIL");
        reveal(robot, bar);
        robot.clickOn(bar);
        assertThat(filters.filter().piiTypes()).containsExactly("EMAIL");
        assertThat(store.count(filters.filter())).isEqualTo(email.count());
        shown();
        assertThat(headline(robot, "pii")).isEqualTo(count(email.count()));

        robot.interact(() -> view.drillDown().back());
        shown();
        ChartNumbers.Row mysql =
                view.numbers(DashboardCharts.DATABASE_TYPES).row("mysql").orElseThrow();
        Node slice = view.drillNode(DashboardCharts.DATABASE_TYPES, "mysql");
        reveal(robot, slice);
        robot.clickOn(slice);
        assertThat(filters.filter().databaseTypes()).containsExactly("mysql");
        assertThat(store.count(filters.filter())).isEqualTo(mysql.count());
    }

    @Test
    void aFilterChangeElsewhereStartsANewTrail(FxRobot robot) throws Exception {
        shown();
        robot.clickOn(view.drillNode(DashboardCharts.QUERY_TYPES, "SELECT"));
        assertThat(view.drillDown().steps()).hasSize(1);
        robot.interact(() -> filters.text.set("orders"));
        assertThat(view.drillDown().steps()).isEmpty();
        assertThat(filters.filter().queryTypes()).containsExactly(QueryType.SELECT); // the filter itself is left alone
    }

    @Test
    void savesAChartTheDashboardAndAnHtmlReport(FxRobot robot) throws Exception {
        DashboardData d = shown();
        Path chart = tmp.resolve("charts/query-types.png");
        Future<Path> t1 = WaitForAsyncUtils.asyncFx(() -> view.saveChart(DashboardCharts.QUERY_TYPES, chart))
                .get(10, TimeUnit.SECONDS);
        assertThat(t1.get(20, TimeUnit.SECONDS)).isEqualTo(chart);
        assertPng(chart, 200, 150);

        Path whole = tmp.resolve("dashboard.png");
        WaitForAsyncUtils.asyncFx(() -> view.saveDashboardPng(whole))
                .get(10, TimeUnit.SECONDS)
                .get(20, TimeUnit.SECONDS);
        assertPng(whole, 1000, 1400); // the whole dashboard, taller than the window
        Files.copy(
                whole,
                Path.of(System.getProperty("pairstudio.screenshots", "target/screenshots"))
                        .resolve("statistics-dashboard-full.png"),
                StandardCopyOption.REPLACE_EXISTING);

        Path html = tmp.resolve("report.html");
        WaitForAsyncUtils.asyncFx(() -> view.saveHtmlReport(html))
                .get(10, TimeUnit.SECONDS)
                .get(20, TimeUnit.SECONDS);
        String report = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(report)
                .startsWith("<!DOCTYPE html>")
                .contains("<tr id=\"headline-pairs\"><th>Pairs</th><td class=\"num\">"
                        + count(d.stats().totalPairs()) + "</td>")
                .contains("<th>Success rate</th><td class=\"num\">"
                        + String.format(Locale.ROOT, "%.1f %%", d.successRate()) + "</td>")
                .contains("<th>Pairs with PII</th><td class=\"num\">" + count(d.pairsWithPii()) + "</td>")
                .contains("<img alt=\"Query types\" src=\"data:image/png;base64,iVBORw0KGgo")
                .contains("<td>SELECT</td><td class=\"num\">"
                        + d.stats().queryTypeDistribution().get(QueryType.SELECT) + "</td>")
                .doesNotContain("src=\"http")
                .doesNotContain("<link");
        assertThat(report.split("data:image/png;base64,", -1))
                .hasSize(view.chartIds().size() + 1);
    }

    @Test
    void copiesTheNumbersBehindAChartAsCsv(FxRobot robot) throws Exception {
        DashboardData d = shown();
        String csv = view.csv(DashboardCharts.QUERY_TYPES);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("query_type,pairs");
        List<String> expected = new ArrayList<>();
        d.stats().queryTypeDistribution().forEach((k, v) -> expected.add(k.name() + "," + v));
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);

        List<String> tables = view.csv(DashboardCharts.TOP_TABLES).lines().toList();
        assertThat(tables.get(0)).isEqualTo("table,pairs");
        assertThat(tables).hasSize(d.stats().topTables().size() + 1);
        assertThat(tables.get(1))
                .isEqualTo(d.stats().topTables().get(0).table() + ","
                        + d.stats().topTables().get(0).pairs());

        List<String> days = view.csv(DashboardCharts.PAIRS_PER_DAY).lines().toList();
        assertThat(days.get(0)).isEqualTo("day_utc,pairs,successful_pairs,success_rate_7d_percent");
        assertThat(days).hasSize(d.stats().pairsPerDay().size() + 1);

        robot.clickOn("#copy-" + DashboardCharts.QUERY_TYPES);
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertThat(clip.get()).isEqualTo(csv);
    }

    @Test
    void screenshotsInLightAndDark(FxRobot robot) throws Exception {
        shown();
        Screenshots.save(scene, "statistics-dashboard-light");
        for (int[] size : new int[][] {{1280, 820}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("stats-refresh", "stats-save-png", "stats-save-html")) {
                Button b = robot.lookup("#" + id).queryButton();
                assertThat(b.getWidth())
                        .as(id + " keeps its whole label at " + size[0] + " px")
                        .isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
            }
            Screenshots.save(scene, "statistics-dashboard-" + size[0] + "x" + size[1]);
        }
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setHeight(1000);
        });
        robot.interact(() -> Theme.apply(view, true));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "statistics-dashboard-dark");
        robot.interact(() -> stage.setHeight(1760)); // the whole dashboard with its toolbar, for the README
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "statistics-dashboard-dark-tall");
        robot.interact(() -> Theme.apply(view, false));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "statistics-dashboard-light-tall");
        robot.interact(() -> {
            stage.setHeight(1000);
            Theme.apply(view, true);
        });
        Path dark = Path.of(System.getProperty("pairstudio.screenshots", "target/screenshots"))
                .resolve("statistics-dashboard-dark-full.png");
        WaitForAsyncUtils.asyncFx(() -> view.saveDashboardPng(dark))
                .get(10, TimeUnit.SECONDS)
                .get(20, TimeUnit.SECONDS);
        assertPng(dark, 1000, 1400);
    }

    private void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) view.lookup("#stats-scroll");
            Bounds inContent = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double extra = scroll.getContent().getBoundsInLocal().getHeight()
                    - scroll.getViewportBounds().getHeight();
            if (extra > 0) {
                scroll.setVvalue(Math.min(
                        1,
                        Math.max(
                                0,
                                (inContent.getCenterY()
                                                - scroll.getViewportBounds().getHeight() / 2)
                                        / extra)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertPng(Path file, int minWidth, int minHeight) throws Exception {
        assertThat(file).exists();
        assertThat(Files.size(file)).isGreaterThan(1000);
        var image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(minWidth);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(minHeight);
    }
}
