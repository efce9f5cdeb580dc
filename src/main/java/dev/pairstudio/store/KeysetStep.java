package dev.pairstudio.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One index range of a keyset page: a condition added to the filter and the order to read it in.
 * A page after a cursor (v, id) is read as up to three such ranges ("same value, later id", then
 * "later value", then the NULLs that sort last when descending), each an exact range of an
 * {@code (in_trash, column, id)} index. A single {@code (c > v OR (c = v AND id > i))} would
 * not use the index, and {@code c >= v} alone rescans all earlier ties of a low-cardinality
 * column (SUCCESS, STATUS) on every page.
 */
record KeysetStep(String condition, List<Object> params, String orderBy) {

    static List<KeysetStep> firstPage(SortKey key, boolean desc) {
        String dir = desc ? " DESC" : "";
        String order = key == SortKey.ID ? "id" + dir : key.column + dir + ", id" + dir;
        return List.of(new KeysetStep(null, List.of(), order));
    }

    static List<KeysetStep> after(SortKey key, boolean desc, Cursor cursor) {
        String c = key.column;
        String dir = desc ? " DESC" : "";
        String idAfter = desc ? "id < ?" : "id > ?";
        if (key == SortKey.ID) {
            return List.of(new KeysetStep(idAfter, List.of(cursor.id()), "id" + dir));
        }
        Object v = key.parameter(cursor.value());
        List<KeysetStep> steps = new ArrayList<>();
        if (v == null) {
            steps.add(new KeysetStep(c + " IS NULL AND " + idAfter, List.of(cursor.id()), "id" + dir));
            if (!desc) {
                steps.add(new KeysetStep(c + " IS NOT NULL", List.of(), c + ", id"));
            }
            return steps;
        }
        steps.add(new KeysetStep(c + " = ? AND " + idAfter, List.of(v, cursor.id()), "id" + dir));
        steps.add(new KeysetStep(c + (desc ? " < ?" : " > ?"), List.of(v), c + dir + ", id" + dir));
        if (desc && key.nullable) {
            steps.add(new KeysetStep(c + " IS NULL", List.of(), "id DESC"));
        }
        return steps;
    }
}
