package dev.carrier.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns what SQLite reports into a sentence a sysop can act on, naming the file. */
final class SqliteErrors {

    private SqliteErrors() {}

    /** The first {@link SQLException} in {@code error}'s chain of causes, if any. */
    static SQLException findSqlCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    static String describe(Path file, SQLException error) {
        if (!(error instanceof SQLiteException sqlite)) {
            return "cannot use " + file + ": " + error.getMessage();
        }
        String reason = reason(sqlite);
        // Extended result codes carry the primary code in their low byte.
        int primary = sqlite.getResultCode().code & 0xff;
        switch (primary) {
            case 26: // SQLITE_NOTADB
                return file + " is not a SQLite database (" + reason + ")";
            case 11: // SQLITE_CORRUPT
                return file + " is damaged (" + reason + "); restore it from a backup";
            case 14: // SQLITE_CANTOPEN
                return "cannot open " + file + " (" + reason + ")";
            case 8: // SQLITE_READONLY
                return "cannot write to " + file + " (" + reason + ")";
            case 13: // SQLITE_FULL
                return "cannot write to " + file + ": the disk is full";
            case 5: // SQLITE_BUSY
            case 6: // SQLITE_LOCKED
                return file + " stayed locked by another connection or program (" + reason + ")";
            case 10: // SQLITE_IOERR
                return "cannot read or write " + file + " (" + reason + ")";
            default:
                return file + ": " + reason;
        }
    }

    /**
     * SQLite's own words. The driver's message reads "[CODE] generic text (sqlite's words)"; the
     * words in parentheses are the specific ones, so those are kept when present.
     */
    private static String reason(SQLiteException error) {
        String message = String.valueOf(error.getMessage());
        SQLiteErrorCode code = error.getResultCode();
        String prefix = "[" + code.name() + "] " + code.message + " (";
        if (message.startsWith(prefix) && message.endsWith(")")) {
            return message.substring(prefix.length(), message.length() - 1);
        }
        return message;
    }
}
