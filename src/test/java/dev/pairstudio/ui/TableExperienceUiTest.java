package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.UiFixture;
import dev.pairstudio.ui.pairs.PairTable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What is above and in the pair table (issue 26): the count line and chips, review progress and
 * coloured status, the trash's banner and Deleted column, search matches marked in the cells, and
 * a filter panel that resizes and collapses. On 1,500 synthetic pairs in a real H2 file.
 */
@ExtendWith(ApplicationExtension.class)
class TableExperienceUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private static final int PAIRS = 1500;
    private Database store;
    private MainWindow window;
    private TableView<StoredPair> table;

    @BeforeAll
    static void buildOnce() {
        TestDatabases.copyOf("table-experience", () -> new SyntheticPairs(26).list(PAIRS));
    }

    @Start
    void start(Stage stage) {
        store = ui.database(TestDatabases.copyOf("table-experience", () -> new SyntheticPairs(26).list(PAIRS)));
        window = ui.window(stage, store, 1280, 820);
        table = window.table();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#match-summary").queryLabeled().getText();
    }

    @Test
    void theCountLineAndTheChipsSitAboveTheTable(FxRobot robot) throws Exception {
        waitFor(() -> summary(robot).equals("1,500 pairs  ·  0 of 1,500 reviewed"));
        long selects = store.count(PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT)));
        robot.interact(() -> window.filters().queryTypes.add(QueryType.SELECT));
        waitFor(() -> summary(robot).startsWith(String.format("%,d of 1,500 pairs", selects)));
        Node chips = robot.lookup("#filter-chips").query();
        Node header = robot.lookup("#table-header").query();
        robot.interact(() -> {
            assertThat(chips.isVisible()).isTrue();
            assertThat(header.localToScene(header.getBoundsInLocal()).getMaxY())
                    .as("the chips are above the table")
                    .isLessThanOrEqualTo(
                            table.localToScene(table.getBoundsInLocal()).getMinY() + 1);
        });
        assertThat(robot.lookup("#filter-panel .chip").tryQuery())
                .as("no chips left at the bottom of the filter panel")
                .isEmpty();
        List<Button> chipButtons = robot.lookup("#filter-chips .chip").queryAllAs(Button.class).stream()
                .toList();
        assertThat(chipButtons).extracting(Button::getText).containsExactly("Type: Select");
        robot.interact(() -> chipButtons.get(0).fire()); // removing the chip removes the filter
        waitFor(() -> summary(robot).startsWith("1,500 pairs"));
        assertThat(window.filters().queryTypes).isEmpty();
        // an empty drop-down says so
        assertThat(robot.lookup("#query-types").queryAs(CheckComboBox.class).getTitle())
                .isEqualTo("Any");
    }

    @Test
    void reviewProgressAndStatusAreVisibleInTheTable(FxRobot robot) throws Exception {
        waitFor(() -> table.getItems().size() == PAIRS
                && table.getItems().get(0) != null
                && summary(robot).contains("reviewed"));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.A);
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 1);
        robot.type(KeyCode.R);
        waitFor(() -> summary(robot).endsWith("2 of 1,500 reviewed"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            TableCell<?, ?> accepted = statusCell(0);
            TableCell<?, ?> rejected = statusCell(1);
            TableCell<?, ?> open = statusCell(3);
            assertThat(accepted.getText()).isEqualTo("Accepted");
            assertThat(rejected.getText()).isEqualTo("Rejected");
            assertThat(open.getText()).isEqualTo("Unreviewed");
            assertThat(accepted.getStyleClass()).contains("status-accepted");
            assertThat(rejected.getStyleClass()).contains("status-rejected");
            // an icon besides the colour: the three states differ in shape, not only in hue
            String[] icons = {
                ((FontIcon) accepted.getGraphic()).getIconCode().getDescription(),
                ((FontIcon) rejected.getGraphic()).getIconCode().getDescription(),
                ((FontIcon) open.getGraphic()).getIconCode().getDescription()
            };
            assertThat(Set.of(icons)).hasSize(3);
            // the selected row (row 2) is drawn in a colour of its own, not the faint default
            Background selected = row(2).getBackground();
            Background plain = row(3).getBackground();
            assertThat(selected).isNotNull();
            assertThat(selected.getFills())
                    .extracting(f -> f.getFill().toString())
                    .isNotEqualTo(
                            plain == null
                                    ? List.of()
                                    : plain.getFills().stream()
                                            .map(f -> f.getFill().toString())
                                            .toList())
                    .contains("0xcfe3ffff");
        });
        Screenshots.save(table.getScene(), "table-review-progress");
    }

    @Test
    void theTrashHasABannerAndADeletedColumn(FxRobot robot) throws Exception {
        waitFor(() -> table.getItems().size() == PAIRS && table.getItems().get(0) != null);
        store.trash(PairFilter.ALL.withSuccess(false));
        long trashed = store.count(PairFilter.ALL.withTrash(true));
        assertThat(trashed).isGreaterThan(1);
        assertThat(robot.lookup("#trash-banner").query().isVisible()).isFalse();
        TableColumn<StoredPair, ?> deleted = column(PairTable.DELETED_AT);
        assertThat(deleted.isVisible()).isFalse();
        robot.interact(
                () -> robot.lookup("#trash-toggle").queryAs(ToggleButton.class).fire());
        waitFor(() -> robot.lookup("#trash-banner-text")
                .queryLabeled()
                .getText()
                .equals(String.format("Trash — %,d pairs. Restore or empty.", trashed)));
        waitFor(() -> table.getItems().size() == trashed && table.getItems().get(0) != null);
        assertThat(robot.lookup("#trash-banner").query().isVisible()).isTrue();
        assertThat(deleted.isVisible()).isTrue();
        StoredPair first = table.getItems().get(0);
        String shown = (String) deleted.getCellObservableValue(0).getValue();
        assertThat(shown)
                .isEqualTo(first.deletedAt().toString().substring(0, 19).replace('T', ' '));
        Screenshots.save(table.getScene(), "table-trash");
        robot.interact(() -> robot.lookup("#leave-trash").queryButton().fire());
        waitFor(() -> !robot.lookup("#trash-banner").query().isVisible() && !deleted.isVisible());
    }

    @Test
    void searchMatchesAreMarkedInTheCells(FxRobot robot) throws Exception {
        waitFor(() -> table.getItems().size() == PAIRS && table.getItems().get(0) != null);
        StoredPair some = table.getItems().get(0);
        String word = some.pair().question().split("\\s+")[1];
        robot.interact(
                () -> window.filters().text.set(word.toUpperCase(Locale.ROOT))); // the store matches case-insensitively
        waitFor(() -> table.getItems().size() > 0
                && table.getItems().size() < PAIRS
                && table.getItems().get(0) != null);
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> marks = robot.lookup("#pair-table .search-match").queryAllAs(Label.class).stream()
                .toList();
        assertThat(marks).isNotEmpty();
        assertThat(marks).allSatisfy(l -> assertThat(l.getText()).isEqualToIgnoringCase(word));
        robot.interact(() -> {
            for (Label l : marks) {
                assertThat(l.getScene()).isNotNull();
            }
        });
        Screenshots.save(table.getScene(), "table-search-matches");
    }

    @Test
    void searchMatchesAreMarkedInTheDetailPane(FxRobot robot) throws Exception {
        waitFor(() -> table.getItems().size() == PAIRS && table.getItems().get(0) != null);
        robot.interact(() -> window.filters().text.set("SELECT")); // in every SQL, in no question of these pairs
        waitFor(() -> table.getItems().size() > 0 && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        waitFor(() -> robot.lookup("#detail-sql").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.TextFlow sql = robot.lookup("#detail-sql").queryAs(javafx.scene.text.TextFlow.class);
        List<String> marked = dev.pairstudio.ui.detail.HighlightedText.searchMatches(sql);
        assertThat(marked).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualToIgnoringCase("select"));
        String shown = sql.getChildren().stream()
                .map(n -> n instanceof javafx.scene.text.Text t ? t.getText() : ((Label) n).getText())
                .collect(java.util.stream.Collectors.joining());
        assertThat(shown.replaceAll("\\s+", " ").trim())
                .as("the marks leave the SQL whole")
                .isEqualTo(table.getSelectionModel()
                        .getSelectedItem()
                        .pair()
                        .sql()
                        .replaceAll("\\s+", " ")
                        .trim());

        StoredPair selected = table.getSelectionModel().getSelectedItem();
        String word = selected.pair().question().split("\\s+")[2];
        robot.interact(() -> window.filters().text.set(word.toLowerCase(java.util.Locale.ROOT)));
        waitFor(() -> table.getItems().size() > 0 && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        waitFor(() -> robot.lookup("#detail-question")
                .tryQuery()
                .filter(javafx.scene.text.TextFlow.class::isInstance)
                .isPresent());
        javafx.scene.text.TextFlow question =
                robot.lookup("#detail-question").queryAs(javafx.scene.text.TextFlow.class);
        assertThat(dev.pairstudio.ui.detail.HighlightedText.searchMatches(question))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m).isEqualToIgnoringCase(word));
        Screenshots.save(table.getScene(), "detail-search-matches");

        robot.interact(() -> window.filters().text.set(""));
        waitFor(() -> table.getItems().size() == PAIRS && table.getItems().get(0) != null);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
        waitFor(() -> robot.lookup("#detail-question")
                .tryQuery()
                .filter(Label.class::isInstance)
                .isPresent());
        assertThat(robot.lookup("#detail-pane .search-match").tryQuery())
                .as("no search, no marks")
                .isEmpty();
    }

    @Test
    void theDropDownsSayAnyAndCountEachChoiceUnderTheOtherFilters(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        org.controlsfx.control.CheckComboBox<String> types =
                robot.lookup("#database-types").queryAs(org.controlsfx.control.CheckComboBox.class);
        waitFor(() -> !types.getItems().isEmpty()
                && types.getConverter().toString(types.getItems().get(0)).endsWith(")"));
        assertThat(types.getTitle()).isEqualTo("Any");
        for (String type : types.getItems()) {
            assertThat(types.getConverter().toString(type))
                    .isEqualTo(type + " ("
                            + dev.pairstudio.pair.Plural.number(
                                    store.count(PairFilter.ALL.withDatabaseTypes(Set.of(type))))
                            + ")");
        }
        String first = types.getItems().get(0);
        robot.interact(() -> window.filters().outcome.set(dev.pairstudio.ui.filter.FilterViewModel.Outcome.FAILED));
        robot.interact(() -> window.filters().databaseTypes.add(first)); // its own choice leaves its counts alone
        PairFilter failed = PairFilter.ALL.withSuccess(false);
        String expected = first + " ("
                + dev.pairstudio.pair.Plural.number(store.count(failed.withDatabaseTypes(Set.of(first)))) + ")";
        String other = types.getItems().get(1);
        String expectedOther = other + " ("
                + dev.pairstudio.pair.Plural.number(store.count(failed.withDatabaseTypes(Set.of(other)))) + ")";
        waitFor(() -> types.getConverter().toString(first).equals(expected)
                && types.getConverter().toString(other).equals(expectedOther));
        @SuppressWarnings("unchecked")
        org.controlsfx.control.CheckComboBox<ReviewStatus> statuses =
                robot.lookup("#statuses").queryAs(org.controlsfx.control.CheckComboBox.class);
        long unreviewed =
                store.count(failed.withDatabaseTypes(Set.of(first)).withStatuses(Set.of(ReviewStatus.UNREVIEWED)));
        assertThat(statuses.getConverter().toString(ReviewStatus.UNREVIEWED))
                .as("other drop-downs count under every filter")
                .isEqualTo("Unreviewed (" + dev.pairstudio.pair.Plural.number(unreviewed) + ")");

        robot.interact(types::show); // the open list draws the counts too
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown =
                robot.lookup(".check-box-list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                        .map(javafx.scene.control.ListCell::getText)
                        .filter(java.util.Objects::nonNull)
                        .toList();
        assertThat(shown).contains(expected, expectedOther);
        Screenshots.save(table.getScene(), "filter-choice-counts");
        robot.interact(types::hide);
    }

    @Test
    void theFilterPanelResizesAndCollapses(FxRobot robot) throws Exception {
        SplitPane split = robot.lookup("#filter-split").queryAs(SplitPane.class);
        Node panel = robot.lookup("#filter-panel").query();
        double before = table.getWidth();
        robot.interact(() -> split.setDividerPositions(0.3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getWidth()).as("a wider panel, a narrower table").isLessThan(before);
        robot.interact(() ->
                robot.lookup("#toggle-filters").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getItems()).doesNotContain(panel);
        assertThat(table.getWidth())
                .as("collapsed: the table takes the window's width")
                .isGreaterThan(1200);
        Screenshots.save(table.getScene(), "table-filters-collapsed");
        robot.interact(() ->
                robot.lookup("#toggle-filters").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getItems()).contains(panel);
        assertThat(split.getDividerPositions()[0]).as("the width it had").isCloseTo(0.3, Offset.offset(0.02));
    }

    @SuppressWarnings("unchecked")
    private TableColumn<StoredPair, ?> column(String id) {
        return table.getColumns().stream()
                .filter(c -> id.equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }

    private TableCell<?, ?> statusCell(int index) {
        return table.lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null
                        && "status".equals(c.getTableColumn().getId())
                        && c.getIndex() == index)
                .findFirst()
                .orElseThrow();
    }

    private TableRow<?> row(int index) {
        return table.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index)
                .findFirst()
                .orElseThrow();
    }
}
