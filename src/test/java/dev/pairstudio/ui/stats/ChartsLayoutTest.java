package dev.pairstudio.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.Screenshots;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One chart mounted alone, at a dashboard card's size: bars keep a bar's width and tick labels stay clear of the axis title. */
@ExtendWith(ApplicationExtension.class)
class ChartsLayoutTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        root.getStyleClass().add("stats-view");
        ui.mount(stage, root, 400, 280).getScene().getStylesheets().add(UiFixture.sheet("pair-studio.css"));
    }

    @Test
    void oneCategoryOfManyPairsIsABarNotASlabAndItsAxisLabelsDoNotOverlap(FxRobot robot) {
        ChartNumbers n = new ChartNumbers(
                DashboardCharts.COMPLEXITY,
                "Complexity",
                Dimension.COMPLEXITY,
                List.of("complexity", "pairs"),
                List.of(new ChartNumbers.Row("Easy", "EASY", 312_345)));
        robot.interact(() -> root.getChildren()
                .setAll(Charts.bars(n, "complexity level", "pairs", (d, k, s) -> {})
                        .node()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart =
                (BarChart<String, Number>) root.getChildren().get(0);
        Node bar = chart.getData().get(0).getData().get(0).getNode();
        assertThat(bar.getBoundsInParent().getWidth()).as("bar width").isLessThanOrEqualTo(65);

        NumberAxis y = (NumberAxis) chart.getYAxis();
        Bounds title =
                y.lookup(".axis-label").localToScene(y.lookup(".axis-label").getBoundsInLocal());
        List<Text> ticks = y.getChildrenUnmodifiable().stream()
                .filter(c -> c instanceof Text t && t.isVisible())
                .map(Text.class::cast)
                .filter(t -> !t.getText().isEmpty())
                .toList();
        assertThat(ticks).extracting(Text::getText).contains("300k");
        for (Text t : ticks) {
            assertThat(t.localToScene(t.getBoundsInLocal()).intersects(title))
                    .as("tick " + t.getText() + " clear of the axis title")
                    .isFalse();
        }
        Screenshots.save(root, "chart-one-category");
        XYChart.Data<String, Number> only = chart.getData().get(0).getData().get(0);
        assertThat(only.getYValue()).isEqualTo(312_345L);
    }
}
