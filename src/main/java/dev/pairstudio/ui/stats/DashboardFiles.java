package dev.pairstudio.ui.stats;

import dev.pairstudio.ui.task.TaskRunner;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

/**
 * What the dashboard saves as files: one chart or the whole dashboard as PNG, a self-contained
 * HTML report. Images are taken on the FX thread; encoding
 * and the atomic write run in the background, and the dashboard's status line says how it went.
 */
final class DashboardFiles {
    private final TaskRunner tasks;
    private final Node dashboard;
    private final Function<String, ChartCard> card;
    private final Collection<ChartCard> cards;
    private final Supplier<DashboardData> data;
    private final Supplier<String> filterDescription;
    private final Label status;
    private final Consumer<Throwable> failed;

    /**
     * @param dashboard what the dashboard PNG shows (headline and charts, without the toolbar)
     * @param card      a chart by id (fails for an unknown one)
     * @param cards     every chart, in the report's order
     */
    DashboardFiles(
            TaskRunner tasks,
            Node dashboard,
            Function<String, ChartCard> card,
            Collection<ChartCard> cards,
            Supplier<DashboardData> data,
            Supplier<String> filterDescription,
            Label status,
            Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.dashboard = dashboard;
        this.card = card;
        this.cards = cards;
        this.data = data;
        this.filterDescription = filterDescription;
        this.status = status;
        this.failed = failed;
    }

    CompletableFuture<Path> saveChart(String chartId, Path target) {
        WritableImage image = card.apply(chartId).snapshot();
        return write(target, () -> PngImages.encode(image));
    }

    CompletableFuture<Path> saveDashboardPng(Path target) {
        List<Node> actions = new ArrayList<>(dashboard.lookupAll(".stats-card-action"));
        actions.forEach(n -> n.setVisible(false));
        WritableImage image;
        try {
            image = dashboard.snapshot(null, null);
        } finally {
            actions.forEach(n -> n.setVisible(true));
        }
        return write(target, () -> PngImages.encode(image));
    }

    CompletableFuture<Path> saveHtmlReport(Path target) {
        DashboardData d = data.get();
        if (d == null) {
            throw new IllegalStateException("no statistics yet");
        }
        List<ChartNumbers> numbers = new ArrayList<>();
        List<WritableImage> images = new ArrayList<>();
        for (ChartCard c : cards) {
            numbers.add(c.numbers());
            images.add(c.numbers().rows().isEmpty() ? null : c.snapshot());
        }
        List<DashboardCharts.Headline> headlines = DashboardCharts.headlines(d);
        String filter = filterDescription.get();
        Instant now = Instant.now();
        return write(target, () -> {
            List<HtmlReport.Section> sections = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                sections.add(new HtmlReport.Section(
                        numbers.get(i), images.get(i) == null ? null : PngImages.encode(images.get(i))));
            }
            return HtmlReport.render(filter, now, headlines, sections).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Asks where to save one chart as PNG, then saves it. */
    void promptSaveChart(ChartCard chart) {
        if (chart.numbers() == null) {
            return;
        }
        prompt(chart.chartId() + ".png", "PNG image", "*.png", p -> saveChart(chart.chartId(), p));
    }

    /** Asks where to save ({@code name} suggested), then saves there with {@code save}; nothing before the first result. */
    void prompt(String name, String description, String pattern, Function<Path, CompletableFuture<Path>> save) {
        if (data.get() == null || dashboard.getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + description);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File file = chooser.showSaveDialog(dashboard.getScene().getWindow());
        if (file != null) {
            save.apply(file.toPath());
        }
    }

    private interface Bytes {
        byte[] get() throws Exception;
    }

    /** Encodes and writes in the background; the future completes on the FX thread, after the status line says so. */
    private CompletableFuture<Path> write(Path target, Bytes bytes) {
        CompletableFuture<Path> written = new CompletableFuture<>();
        tasks.run(
                "save the dashboard as a file",
                () -> PngImages.write(target, bytes.get()),
                path -> {
                    status.setText("Saved " + target.getFileName());
                    written.complete(path);
                },
                e -> {
                    failed.accept(e);
                    written.completeExceptionally(e);
                });
        return written;
    }
}
