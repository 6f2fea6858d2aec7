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
}
