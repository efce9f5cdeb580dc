package dev.pairstudio.schema;

import java.util.Locale;
import java.util.Set;

/** Names that parse as columns but are none: values and pseudo-columns of a dialect, and date units in date functions. */
final class NotColumns {
    /** Names that parse as columns but are values or pseudo-columns, in some dialect or other. */
    private static final Set<String> PSEUDO_COLUMNS = Set.of(
            "true",
            "false",
            "null",
            "current_date",
            "current_time",
            "current_timestamp",
            "localtime",
            "localtimestamp",
            "sysdate",
            "systimestamp",
            "rownum",
            "rowid",
            "oid",
            "_rowid_",
            "level",
            "user",
            "current_user",
            "session_user",
            "unknown",
            "default");
    /** SQLite's: {@code level} and {@code user} are plain names there, checked like any column. */
    private static final Set<String> SQLITE_PSEUDO_COLUMNS = Set.of(
            "true", "false", "null", "current_date", "current_time", "current_timestamp", "rowid", "oid", "_rowid_");
    /** Functions whose arguments may be a bare date unit ({@code DATEADD(day, 1, d)}): there it is no column. */
    private static final Set<String> DATE_UNIT_FUNCTIONS = Set.of(
            "dateadd",
            "datediff",
            "datediff_big",
            "datepart",
            "datename",
            "datetrunc",
            "date_trunc",
            "date_part",
            "timestampadd",
            "timestampdiff",
            "trunc",
            "date_add",
            "date_sub",
            "extract");

    private NotColumns() {}

    /** The pseudo-columns of the pair's dialect ({@code databaseType}): names that are values there, not columns. */
    static Set<String> pseudoColumns(String databaseType) {
        boolean sqlite =
                databaseType != null && databaseType.toLowerCase(Locale.ROOT).contains("sqlite");
        return sqlite ? SQLITE_PSEUDO_COLUMNS : PSEUDO_COLUMNS;
    }

    /** Whether a function's bare-name argument may be a date unit ({@code DATEADD(day, 1, d)}) rather than a column. */
    static boolean takesDateUnit(String functionName) {
        return DATE_UNIT_FUNCTIONS.contains(functionName);
    }
}
