package dev.pairstudio.store;

import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns H2's opening errors into one line that names the file and says what to do. */
public final class OpenFailures {
    private OpenFailures() {}

    static StoreException explain(H2Location where, boolean encrypted, SQLException e) {
        String file = where.display();
        return switch (rootCode(e)) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                new StoreException(
                        "The database " + file
                                + " is in use by another program that opened it without sharing (for example an H2 console); "
                                + "close that program and try again",
                        e);
            case ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.WRONG_USER_OR_PASSWORD ->
                new StoreException(
                        "Wrong password for the encrypted database " + file + "; try again with the right password", e);
            case ErrorCode.FILE_CORRUPTED_1 ->
                new StoreException(
                        "Cannot read the database " + file + ": "
                                + (encrypted
                                        ? "it is damaged or not encrypted with a password"
                                        : "it is encrypted (open it with its password), damaged, or not a Pair Studio database")
                                + "; restore it from a backup or choose another file",
                        e);
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_VERSION_ERROR_1 ->
                new StoreException(
                        "The file " + file + " is not a Pair Studio database (not an H2 database file, or one of an "
                                + "incompatible H2 version); choose another file or move this one away",
                        e);
            default -> new StoreException("Cannot open the database " + file + ": " + firstLine(e), e);
        };
    }

    private static int rootCode(SQLException e) {
        return e.getErrorCode();
    }

    public static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
