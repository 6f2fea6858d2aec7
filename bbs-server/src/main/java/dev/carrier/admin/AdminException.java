package dev.carrier.admin;

/**
 * The admin tools could not do what was asked: the server is not running, refused the token,
 * or said no. The message is one line meant for the sysop as it stands.
 */
public class AdminException extends RuntimeException {

    public AdminException(String message) {
        super(message);
    }

    public AdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
