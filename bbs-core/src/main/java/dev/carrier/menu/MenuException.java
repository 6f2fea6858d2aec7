package dev.carrier.menu;

/** A menu file the server cannot start with; the message names the file and line. */
final class MenuException extends RuntimeException {
    public MenuException(String message) {
        super(message);
    }

    public MenuException(String message, Throwable cause) {
        super(message, cause);
    }
}
