package dev.pairstudio.ui.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The numbers behind one chart: what it draws, what "Copy as CSV" and the HTML report print, and
 * which filter value each bar or slice drills down to.
 *
 * @param id        stable identifier ({@code query-types}, {@code top-tables}, …), also the file name stem
 * @param dimension the filter field the rows stand for ({@link Dimension#NONE}: not drillable)
 * @param columns   CSV header: the category column, then one per value
 * @param rows      in drawing order
 */
public record ChartNumbers(String id, String title, Dimension dimension, List<String> columns, List<Row> rows) {

    public ChartNumbers {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One bar, slice or point.
     *
     * @param label  as shown ({@code "Not analysed"}, {@code "0–24"})
     * @param key    the filter value it drills down to, null when it has none
     * @param values one per value column; {@link Long} counts or {@link Double} rates (null: unknown)
     */
    public record Row(String label, String key, List<Number> values) {
        public Row {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public Row(String label, String key, long value) {
            this(label, key, List.of(value));
        }

        /** The first value as a count (0 when unknown). */
        public long count() {
            Number n = values.isEmpty() ? null : values.get(0);
            return n == null ? 0 : n.longValue();
        }
    }

    /** The row drilling down to {@code key}, if any. */
    public Optional<Row> row(String key) {
        return rows.stream().filter(r -> key.equals(r.key())).findFirst();
    }

    public long total() {
        return rows.stream().mapToLong(Row::count).sum();
    }

    /** RFC 4180 CSV (comma, quotes where needed, {@code \n} line ends): the header, then one line per row. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns);
            for (Row r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(r.label());
                r.values().forEach(v -> cells.add(format(v)));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String format(Number v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.1f", v.doubleValue());
        }
        return Long.toString(v.longValue());
    }
}
