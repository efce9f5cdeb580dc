package dev.pairstudio.ui.pairs;

import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StoredPair;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Skin;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The pair table over a {@link PagedPairList}. Sorting is done by the database: the sort
 * policy turns the clicked column into a {@link PairSort} and reloads, so the table never
 * sorts a million rows in memory. Rows are one line each, with a fixed height.
 */
public final class PairTable extends TableView<StoredPair> {
    /** The id of the trash's "Deleted" column, shown only while the table shows the trash. */
    public static final String DELETED_AT = "deleted_at";

    private final PagedPairList rows;
    private final TableColumn<StoredPair, String> deletedAt = new TableColumn<>("Deleted");

    public PairTable(PagedPairList rows) {
        super(rows);
        this.rows = rows;
        setId("pair-table");
        getStyleClass().add("pair-table");
        setFixedCellSize(26);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setPlaceholder(new Label("No pairs match. Import a file (Ctrl+O), start the collector, or clear the filter."));

        TableColumn<StoredPair, ReviewStatus> status = new TableColumn<>("Status");
        status.setId("status");
        status.setUserData(SortColumn.STATUS);
        status.setPrefWidth(120);
        status.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                cd.getValue() == null ? null : cd.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        getColumns().add(status);
        deletedAt.setId(DELETED_AT);
        deletedAt.setPrefWidth(175);
        deletedAt.setSortable(false); // the index keeps no deleted-at key to sort by
        deletedAt.setVisible(false);
        deletedAt.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                cd.getValue() == null || cd.getValue().deletedAt() == null
                        ? ""
                        : dateTime(cd.getValue().deletedAt())));
        getColumns().add(deletedAt);
        getColumns()
                .add(column(
                        "timestamp",
                        "Timestamp",
                        170,
                        SortColumn.TIMESTAMP,
                        p -> dateTime(p.pair().timestamp())));
        TableColumn<StoredPair, String> question = column(
                "question",
                "Question",
                360,
                SortColumn.QUESTION,
                p -> oneLine(p.pair().question()));
        question.setCellFactory(c -> new MatchCell(rows::filter));
        getColumns().add(question);
        TableColumn<StoredPair, String> sql =
                column("sql", "SQL", 420, SortColumn.SQL, p -> oneLine(p.pair().sql()));
        sql.getStyleClass().add("monospace");
        sql.setCellFactory(c -> new MatchCell(rows::filter));
        getColumns().add(sql);
        getColumns()
                .add(column(
                        "database_type",
                        "DB type",
                        90,
                        SortColumn.DATABASE_TYPE,
                        p -> nullToEmpty(p.pair().databaseType())));
        getColumns()
                .add(column(
                        "database_name",
                        "Database",
                        100,
                        SortColumn.DATABASE_NAME,
                        p -> nullToEmpty(p.pair().databaseName())));
        getColumns()
                .add(column(
                        "query_type",
                        "Type",
                        80,
                        SortColumn.QUERY_TYPE,
                        p -> p.analysis().queryType() == null
                                ? ""
                                : p.analysis().queryType().name()));
        getColumns()
                .add(column(
                        "tables",
                        "Tables",
                        160,
                        SortColumn.TABLES,
                        p -> String.join(", ", p.pair().tableNames())));
        getColumns()
                .add(column(
                        "success",
                        "Success",
                        90,
                        SortColumn.SUCCESS,
                        p -> p.pair().success() ? "yes" : "no"));
        getColumns()
                .add(column(
                        "execution_time",
                        "Time (ms)",
                        100,
                        SortColumn.EXECUTION_TIME,
                        p -> p.pair().executionTimeMs() == null
                                ? ""
                                : p.pair().executionTimeMs().toPlainString()));
        getColumns().add(column("flags", "Flags", 160, SortColumn.FLAGS, p -> flags(p.analysis())));

        rows.setRowsOnScreen(this::anyOnScreen);
        setSortPolicy(table -> {
            rows.reload(rows.filter(), currentSort());
            return true;
        });
    }

    /** The sort the column headers show, or newest first when none is chosen. */
    public PairSort currentSort() {
        if (getSortOrder().isEmpty()) {
            return PairSort.NEWEST_FIRST;
        }
        TableColumn<StoredPair, ?> c = getSortOrder().get(0);
        return new PairSort((SortColumn) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
    }

    /** Shows the trash's "Deleted" column (when each pair went to the trash) or hides it. */
    public void showTrash(boolean trash) {
        deletedAt.setVisible(trash);
    }

    private static String dateTime(Instant t) {
        return Timestamps.format(t).substring(0, 19).replace('T', ' ');
    }

    public PagedPairList rows() {
        return rows;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlowSkin(this);
    }

    /** Whether a row from {@code from} to {@code to} (exclusive) is drawn; true while the table has no rows drawn yet. */
    private boolean anyOnScreen(int from, int to) {
        VirtualFlow<?> flow = getSkin() instanceof FlowSkin s ? s.flow() : null;
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null) {
            return true;
        }
        return from <= last.getIndex() && to > first.getIndex();
    }

    /** The default skin, opened up to tell which rows are on screen. */
    private static final class FlowSkin extends TableViewSkin<StoredPair> {
        FlowSkin(TableView<StoredPair> table) {
            super(table);
        }

        VirtualFlow<?> flow() {
            return getVirtualFlow();
        }
    }

    private static TableColumn<StoredPair, String> column(
            String id, String title, double width, SortColumn sort, Function<StoredPair, String> value) {
        TableColumn<StoredPair, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setUserData(sort);
        c.setPrefWidth(width);
        c.setCellValueFactory(
                cd -> new ReadOnlyObjectWrapper<>(cd.getValue() == null ? "" : value.apply(cd.getValue())));
        return c;
    }

    static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String flags(PairAnalysis a) {
        StringBuilder sb = new StringBuilder();
        for (QualityFlag f : a.flags()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(FlagLabels.shortLabel(f));
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
