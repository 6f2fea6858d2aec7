package dev.carrier.store;

/**
 * Storage failed in a way the caller cannot fix by retrying with other input: the data file is
 * damaged, the folder is not writable, the disk is full. The message is meant for the sysop as
 * it stands: it names the file and says why in plain words.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the store failed somewhere in {@code failure}'s chain (a future's failure wraps it):
     * then the caller can be told that what needs the store is unavailable just now, rather than
     * that something went wrong.
     */
    public static boolean foundIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreException) return true;
        }
        return false;
    }
}
